package io.freshet.core.execution;

import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;

/** A handle on a submitted job: its status, cancellation and, once it ends, its result. */
public interface JobClient {

    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    CompletableFuture<Void> cancel();

    /**
     * Takes a savepoint into {@code savepointDirectory} (null: the cluster's {@code state.savepoints.dir});
     * completes with its path.
     */
    default CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This client takes no savepoints."));
    }

    /**
     * Takes a savepoint and stops the job; completes with the savepoint's path.
     *
     * @param advanceToEndOfEventTime drain (fire all event-time timers) first; not supported yet
     */
    default CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("This client takes no savepoints."));
    }

    /**
     * Completes with the result when the job finishes; completes exceptionally with a
     * {@code JobExecutionException}-like exception carrying the job's failure when it fails or is cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
