package io.freshet.runtime.taskmanager;

/**
 * How a {@link Task} talks back to its TaskExecutor. Called from the task's own threads (the task thread, the
 * cancellation threads), never from the TaskExecutor's main thread; implementations hand the work to the main thread.
 */
public interface TaskManagerActions {

    /**
     * The task moved to a new state. Called once per transition, in transition order (DEPLOYING, INITIALIZING,
     * RUNNING, CANCELING, then exactly one of FINISHED, CANCELED, FAILED).
     */
    void updateTaskExecutionState(TaskExecutionState taskExecutionState);

    /** Sends an operator's event to its coordinator on the JobMaster; events of one task arrive in order. */
    void sendOperatorEventToCoordinator(io.freshet.runtime.executiongraph.ExecutionAttemptID attemptId,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent);

    /** Sends the task's state for a checkpoint to its JobMaster. */
    default void acknowledgeCheckpoint(io.freshet.runtime.executiongraph.ExecutionAttemptID attemptId,
            long checkpointId, io.freshet.runtime.checkpoint.TaskStateSnapshot state) {}

    /** Tells the JobMaster the task could not take part in a checkpoint. */
    default void declineCheckpoint(io.freshet.runtime.executiongraph.ExecutionAttemptID attemptId, long checkpointId,
            Throwable cause) {}

    /** Something happened the TaskExecutor cannot recover from (a task that does not stop when cancelled). */
    void notifyFatalError(String message, Throwable cause);
}
