package io.freshet.api.connector.sink2;

import java.io.IOException;
import java.util.Collection;

/** Makes committables visible (renames files, commits transactions). Must be idempotent: a restore commits again. */
public interface Committer<CommT> extends AutoCloseable {

    void commit(Collection<CommitRequest<CommT>> committables) throws IOException, InterruptedException;

    /** One committable to commit, with how often it was tried. */
    interface CommitRequest<CommT> {
        CommT getCommittable();

        int getNumberOfRetries();

        /** The commit failed for good (the committable is lost); the job fails. */
        void signalFailedWithKnownReason(Throwable t);

        void signalFailedWithUnknownReason(Throwable t);

        void retryLater();

        void updateAndRetryLater(CommT committable);

        /** It was committed before (a restore). */
        void signalAlreadyCommitted();
    }
}
