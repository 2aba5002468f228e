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
     * Completes with the result when the job finishes; completes exceptionally with a
     * {@code JobExecutionException}-like exception carrying the job's failure when it fails or is cancelled.
     */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
