package io.freshet.runtime.jobmaster;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.messages.Acknowledge;

/**
 * A TaskExecutor as the scheduler of one job sees it: deploy, cancel, free. The JobMaster implements it over the
 * TaskExecutor's RPC gateway (adding its own fencing token); tests use plain fakes.
 */
public interface TaskManagerGateway {

    String getAddress();

    CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, Duration timeout);

    CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout);

    /** Hands an operator coordinator's event to the operator in task {@code task}. */
    default CompletableFuture<Acknowledge> sendOperatorEventToTask(ExecutionAttemptID task,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent, Duration timeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("operator events"));
    }

    default CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptID task, long checkpointId,
            long timestamp, io.freshet.runtime.checkpoint.CheckpointType type, Duration timeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("checkpoints"));
    }

    default CompletableFuture<Acknowledge> confirmCheckpoint(ExecutionAttemptID task, long checkpointId,
            Duration timeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("checkpoints"));
    }

    default CompletableFuture<Acknowledge> abortCheckpoint(ExecutionAttemptID task, long checkpointId,
            Duration timeout) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("checkpoints"));
    }

    CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, Duration timeout);
}
