package io.freshet.runtime.taskexecutor;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.IOMetrics;

/** One task of a TaskExecutor, as it is now: its attempt, name, state and busy/idle/backpressured time. */
public final class TaskIOMetricsSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ExecutionAttemptID executionId;
    private final String taskNameWithSubtask;
    private final ExecutionState state;
    private final IOMetrics ioMetrics;

    public TaskIOMetricsSnapshot(ExecutionAttemptID executionId, String taskNameWithSubtask, ExecutionState state,
            IOMetrics ioMetrics) {
        this.executionId = Objects.requireNonNull(executionId);
        this.taskNameWithSubtask = Objects.requireNonNull(taskNameWithSubtask);
        this.state = Objects.requireNonNull(state);
        this.ioMetrics = Objects.requireNonNull(ioMetrics);
    }

    public ExecutionAttemptID getExecutionId() {
        return executionId;
    }

    public String getTaskNameWithSubtask() {
        return taskNameWithSubtask;
    }

    public ExecutionState getState() {
        return state;
    }

    public IOMetrics getIOMetrics() {
        return ioMetrics;
    }

    @Override
    public String toString() {
        return taskNameWithSubtask + " (" + state + "): " + ioMetrics;
    }
}
