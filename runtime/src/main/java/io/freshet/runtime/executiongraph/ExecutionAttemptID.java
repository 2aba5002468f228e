package io.freshet.runtime.executiongraph;

import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;
import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one attempt to run one subtask: the execution graph, the subtask ({@link ExecutionVertexID}) and the
 * attempt number, which starts at 0 and grows by one with each restart of that subtask. A TaskExecutor addresses
 * a running task by this ID; a message about an older attempt never affects a newer one. Printed as {@code
 * <execution graph id>_<job vertex id>_<subtask index>_<attempt number>}.
 */
public final class ExecutionAttemptID implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ExecutionGraphID executionGraphId;
    private final ExecutionVertexID executionVertexId;
    private final int attemptNumber;

    /**
     * @throws IllegalArgumentException if {@code attemptNumber} is negative
     */
    public ExecutionAttemptID(
            ExecutionGraphID executionGraphId, ExecutionVertexID executionVertexId, int attemptNumber) {
        if (attemptNumber < 0) {
            throw new IllegalArgumentException("An attempt number is never negative, got " + attemptNumber);
        }
        this.executionGraphId = Objects.requireNonNull(executionGraphId, "executionGraphId");
        this.executionVertexId = Objects.requireNonNull(executionVertexId, "executionVertexId");
        this.attemptNumber = attemptNumber;
    }

    /** Returns an attempt ID of a random graph and vertex, subtask 0, attempt 0; for tests. */
    public static ExecutionAttemptID randomId() {
        return new ExecutionAttemptID(new ExecutionGraphID(), new ExecutionVertexID(new JobVertexID(), 0), 0);
    }

    public ExecutionGraphID getExecutionGraphId() {
        return executionGraphId;
    }

    public ExecutionVertexID getExecutionVertexId() {
        return executionVertexId;
    }

    public JobVertexID getJobVertexId() {
        return executionVertexId.getJobVertexId();
    }

    public int getSubtaskIndex() {
        return executionVertexId.getSubtaskIndex();
    }

    public int getAttemptNumber() {
        return attemptNumber;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof ExecutionAttemptID)) {
            return false;
        }
        ExecutionAttemptID other = (ExecutionAttemptID) obj;
        return attemptNumber == other.attemptNumber
                && executionVertexId.equals(other.executionVertexId)
                && executionGraphId.equals(other.executionGraphId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionGraphId, executionVertexId, attemptNumber);
    }

    @Override
    public String toString() {
        return executionGraphId + "_" + executionVertexId + "_" + attemptNumber;
    }
}
