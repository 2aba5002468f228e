package io.freshet.runtime.taskmanager;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.util.SerializedThrowable;

/** A task's state change, reported by its TaskExecutor to the JobMaster; FAILED carries the failure. */
public final class TaskExecutionState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ExecutionAttemptID executionId;
    private final ExecutionState executionState;
    private final SerializedThrowable error;

    public TaskExecutionState(ExecutionAttemptID executionId, ExecutionState executionState) {
        this(executionId, executionState, null);
    }

    public TaskExecutionState(ExecutionAttemptID executionId, ExecutionState executionState, Throwable error) {
        this.executionId = Objects.requireNonNull(executionId, "executionId");
        this.executionState = Objects.requireNonNull(executionState, "executionState");
        this.error = error == null ? null : SerializedThrowable.of(error);
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
