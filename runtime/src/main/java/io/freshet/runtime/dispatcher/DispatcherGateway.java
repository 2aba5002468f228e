package io.freshet.runtime.dispatcher;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.rpc.RpcGateway;
import io.freshet.runtime.rpc.RpcTimeout;

/** The Dispatcher as clients (REST handlers, the MiniCluster) call it. */
public interface DispatcherGateway extends RpcGateway {

    /** Accepts a valid job whose id is new and starts its JobMaster; an invalid graph fails this call alone. */
    CompletableFuture<Acknowledge> submitJob(JobGraph jobGraph, @RpcTimeout Duration timeout);

    /** Running jobs and the finished ones still kept ({@code jobstore.expiration-time}). */
    CompletableFuture<Collection<JobStatusMessage>> listJobs(@RpcTimeout Duration timeout);

    CompletableFuture<JobStatus> requestJobStatus(JobID jobId, @RpcTimeout Duration timeout);

    /** A copy of the job's execution graph: live for a running job, the last one for a kept finished job. */
    CompletableFuture<ArchivedExecutionGraph> requestJob(JobID jobId, @RpcTimeout Duration timeout);

    /** {@link #requestJob} for every job {@link #listJobs} would list. */
    CompletableFuture<Collection<ArchivedExecutionGraph>> requestJobs(@RpcTimeout Duration timeout);

    CompletableFuture<Acknowledge> cancelJob(JobID jobId, @RpcTimeout Duration timeout);

    /** Completes when the job has ended (or at once for a kept finished job); unknown ids fail. */
    /**
     * Takes a savepoint of a running job into {@code targetDirectory} (null: the configured savepoint directory) and,
     * with {@code cancelJob}, cancels it afterwards; completes with the savepoint's path.
     */
    CompletableFuture<String> triggerSavepoint(JobID jobId, String targetDirectory, boolean cancelJob,
            @RpcTimeout Duration timeout);

    /**
     * Stops a running job with a savepoint into {@code targetDirectory} (null: the configured directory): it ends
     * FINISHED, drained first with {@code drain}; completes with the savepoint's path once the job has ended.
     */
    CompletableFuture<String> stopWithSavepoint(JobID jobId, String targetDirectory, boolean drain,
            @RpcTimeout Duration timeout);

    CompletableFuture<JobResult> requestJobResult(JobID jobId, @RpcTimeout Duration timeout);
}
