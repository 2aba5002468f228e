package io.freshet.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/**
 * A writer of a two-phase sink: at each checkpoint it hands over what it wrote as committables, which the sink's
 * {@link Committer} makes visible once the checkpoint is complete.
 */
public interface CommittingSinkWriter<InputT, CommittableT> extends SinkWriter<InputT> {

    /** What was written since the last call, ready to be committed once the current checkpoint completes. */
    Collection<CommittableT> prepareCommit() throws IOException, InterruptedException;
}
