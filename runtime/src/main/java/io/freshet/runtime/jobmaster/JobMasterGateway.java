package io.freshet.runtime.jobmaster;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.FencedRpcGateway;
import io.freshet.runtime.rpc.RpcTimeout;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskmanager.TaskExecutionState;

/**
 * The JobMaster of one job as TaskExecutors and the ResourceManager call it; fenced by its leader session
 * ({@link JobMasterId}), so a TaskExecutor still talking to a replaced JobMaster is rejected.
 */
public interface JobMasterGateway extends FencedRpcGateway<JobMasterId> {

    /** A TaskExecutor that holds (or is about to offer) slots for this job registers before offering them. */
    CompletableFuture<RegistrationResponse> registerTaskManager(JobID jobId, TaskExecutorRegistration registration,
            @RpcTimeout Duration timeout);

    /** Offers slots; the answer is the subset the JobMaster accepts (the rest the TaskExecutor frees again). */
    CompletableFuture<Collection<SlotOffer>> offerSlots(ResourceID taskManagerId, Collection<SlotOffer> slots,
            @RpcTimeout Duration timeout);

    /** A task changed its state (INITIALIZING, RUNNING, FINISHED, CANCELED, FAILED with its error). */
    CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state);

    /** The TaskExecutor's answer to a heartbeat request: the attempts of this job it is still running. */
    void heartbeatFromTaskManager(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks);

    /** The ResourceManager's answer to a heartbeat request. */
    void heartbeatFromResourceManager(ResourceID resourceManagerId);

    /** The TaskExecutor is gone or gave up the job: its tasks fail, its slots are no longer usable. */
    CompletableFuture<Acknowledge> disconnectTaskManager(ResourceID taskManagerId, Exception cause);

    /** An event of a task's operator for the operator's coordinator (a split source's reader to its enumerator). */
    CompletableFuture<Acknowledge> sendOperatorEventToCoordinator(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent);

    /** A task's state for checkpoint {@code checkpointId}. */
    void acknowledgeCheckpoint(JobID jobId, io.freshet.runtime.executiongraph.ExecutionAttemptID task,
            long checkpointId, io.freshet.runtime.checkpoint.TaskStateSnapshot state);

    /** A task could not take part in checkpoint {@code checkpointId}. */
    void declineCheckpoint(JobID jobId, io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId,
            Throwable cause);

    /** The ResourceManager lost the connection: register again at the current leader. */
    void disconnectResourceManager(ResourceManagerId resourceManagerId, Exception cause);
}
