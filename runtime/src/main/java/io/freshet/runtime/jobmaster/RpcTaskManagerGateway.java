package io.freshet.runtime.jobmaster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;

/** A TaskExecutor reached over RPC, with the JobMaster's leader session attached to deployments. */
final class RpcTaskManagerGateway implements TaskManagerGateway {

    private final TaskExecutorGateway gateway;
    private final JobMasterId jobMasterId;

    RpcTaskManagerGateway(TaskExecutorGateway gateway, JobMasterId jobMasterId) {
        this.gateway = gateway;
        this.jobMasterId = jobMasterId;
    }

    @Override
    public String getAddress() {
        return gateway.getAddress();
    }

    @Override
    public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, Duration timeout) {
        return gateway.submitTask(deployment, jobMasterId, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout) {
        return gateway.cancelTask(executionAttemptId, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> sendOperatorEventToTask(ExecutionAttemptID task,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent, Duration timeout) {
        return gateway.sendOperatorEventToTask(task, operatorId, serializedEvent, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptID task, long checkpointId, long timestamp,
            io.freshet.runtime.checkpoint.CheckpointType type, Duration timeout) {
        return gateway.triggerCheckpoint(task, checkpointId, timestamp, type, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> confirmCheckpoint(ExecutionAttemptID task, long checkpointId,
            Duration timeout) {
        return gateway.confirmCheckpoint(task, checkpointId, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> abortCheckpoint(ExecutionAttemptID task, long checkpointId,
            Duration timeout) {
        return gateway.abortCheckpoint(task, checkpointId, timeout);
    }

    @Override
    public CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, Duration timeout) {
        return gateway.freeSlot(allocationId, cause, timeout);
    }
}
