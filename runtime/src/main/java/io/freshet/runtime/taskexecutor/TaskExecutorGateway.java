package io.freshet.runtime.taskexecutor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.RpcGateway;
import io.freshet.runtime.rpc.RpcTimeout;

/**
 * The TaskExecutor as the ResourceManager and JobMasters call it.
 *
 * <p>Slot protocol: the ResourceManager allocates a free slot to a job with {@link #requestSlot}; the
 * TaskExecutor marks it allocated, registers at the job's JobMaster (if not yet) and offers it there. The
 * JobMaster deploys tasks into offered slots with {@link #submitTask} and gives slots back with
 * {@link #freeSlot}; the TaskExecutor's next slot report tells the ResourceManager. A slot the JobMaster rejects
 * or does not claim within {@code taskmanager.slot.timeout} is freed again.
 */
public interface TaskExecutorGateway extends RpcGateway {

    /**
     * Allocates slot {@code slotId} to {@code jobId} under {@code allocationId} and offers it to the JobMaster at
     * {@code jobMasterAddress}. Fails if the slot is allocated to another allocation (the ResourceManager's view
     * was stale) or the call comes from a ResourceManager that is no longer the leader.
     */
    CompletableFuture<Acknowledge> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, ResourceManagerId resourceManagerId, @RpcTimeout Duration timeout);

    /** Starts a task in the slot its descriptor names; the slot must be allocated to the task's job and this leader. */
    CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId,
            @RpcTimeout Duration timeout);

    /**
     * Cancels a running task: its invokable is told to stop and its thread interrupted; after
     * {@code task.cancellation.timeout} a task that does not stop fails the TaskExecutor's process (as Flink does).
     */
    CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, @RpcTimeout Duration timeout);

    /** An event from an operator's coordinator for the operator in task {@code task}. */
    CompletableFuture<Acknowledge> sendOperatorEventToTask(ExecutionAttemptID task,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent, @RpcTimeout Duration timeout);

    /** Starts checkpoint {@code checkpointId} (a savepoint: always aligned) at source task {@code task}. */
    CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptID task, long checkpointId, long timestamp,
            io.freshet.runtime.checkpoint.CheckpointType type, @RpcTimeout Duration timeout);

    /** Checkpoint {@code checkpointId} completed: task {@code task} may commit what it covers. */
    CompletableFuture<Acknowledge> confirmCheckpoint(ExecutionAttemptID task, long checkpointId,
            @RpcTimeout Duration timeout);

    /** Checkpoint {@code checkpointId} was aborted. */
    CompletableFuture<Acknowledge> abortCheckpoint(ExecutionAttemptID task, long checkpointId,
            @RpcTimeout Duration timeout);

    /** Busy, idle and backpressured time of each task of the job this TaskExecutor runs now. */
    CompletableFuture<java.util.List<TaskIOMetricsSnapshot>> requestTaskIOMetrics(io.freshet.api.common.JobID jobId,
            @RpcTimeout Duration timeout);

    /** Frees a slot (failing any task still in it with {@code cause}) and reports it free to the ResourceManager. */
    CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, @RpcTimeout Duration timeout);

    /** A heartbeat request from a JobMaster; answered with a heartbeat carrying the states of the job's tasks. */
    void heartbeatFromJobManager(ResourceID jobManagerId);

    /** A heartbeat request from the ResourceManager; answered with a heartbeat carrying the slot report. */
    void heartbeatFromResourceManager(ResourceID resourceManagerId);

    /** The JobMaster of {@code jobId} lost this TaskExecutor (or the job ended): fail its tasks, free its slots. */
    void disconnectJobManager(JobID jobId, Exception cause);

    /** The ResourceManager closed the connection: register again. */
    void disconnectResourceManager(Exception cause);
}
