package io.freshet.api.connector.sink2;

import java.io.IOException;

import io.freshet.core.io.SimpleVersionedSerializer;

/**
 * A {@link Sink} whose writer is a {@link CommittingSinkWriter}: exactly-once output through two-phase commits tied to
 * checkpoints.
 */
public interface SupportsCommitter<CommittableT> {

    Committer<CommittableT> createCommitter(CommitterInitContext context) throws IOException;

    /** Committables go into checkpoints (those not committed yet when it was taken). */
    SimpleVersionedSerializer<CommittableT> getCommittableSerializer();
}
