package io.freshet.runtime.taskmanager;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.IOMetrics;
import io.freshet.util.SerializedThrowable;

/** A task's state change, reported by its TaskExecutor to the JobMaster; FAILED carries the failure. */
public final class TaskExecutionState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ExecutionAttemptID executionId;
    private final ExecutionState executionState;
    private final SerializedThrowable error;
    private final IOMetrics ioMetrics;

    public TaskExecutionState(ExecutionAttemptID executionId, ExecutionState executionState) {
        this(executionId, executionState, null);
    }

    public TaskExecutionState(ExecutionAttemptID executionId, ExecutionState executionState, Throwable error) {
        this(executionId, executionState, error, null);
    }

    /** A state with the time split of the attempt's run (final states carry it). */
    public TaskExecutionState(ExecutionAttemptID executionId, ExecutionState executionState, Throwable error,
            IOMetrics ioMetrics) {
        this.executionId = Objects.requireNonNull(executionId, "executionId");
        this.executionState = Objects.requireNonNull(executionState, "executionState");
        this.error = error == null ? null : SerializedThrowable.of(error);
        this.ioMetrics = ioMetrics;
    }

    /** Busy, idle and backpressured time of the attempt's run; set on final states, else null. */
    public IOMetrics getIOMetrics() {
        return ioMetrics;
    }

    public ExecutionAttemptID getID() {
        return executionId;
    }

    public ExecutionState getExecutionState() {
        return executionState;
    }

    /** The failure of a FAILED task (in its portable form), else null. */
    public SerializedThrowable getError() {
        return error;
    }

    @Override
    public String toString() {
        return "TaskExecutionState(" + executionId + ", " + executionState + (error == null ? "" : ", " + error) + ")";
    }
}
