package io.freshet.runtime.scheduler.strategy;

import io.freshet.runtime.jobgraph.JobVertexID;
import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one parallel instance (subtask) of a job vertex: the job vertex ID and the subtask index in
 * {@code [0, parallelism)}. Printed as {@code <job vertex id>_<subtask index>}.
 */
public final class ExecutionVertexID implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobVertexID jobVertexId;
    private final int subtaskIndex;

    /**
     * @throws IllegalArgumentException if {@code subtaskIndex} is negative
     */
    public ExecutionVertexID(JobVertexID jobVertexId, int subtaskIndex) {
        if (subtaskIndex < 0) {
            throw new IllegalArgumentException("A subtask index is never negative, got " + subtaskIndex);
        }
        this.jobVertexId = Objects.requireNonNull(jobVertexId, "jobVertexId");
        this.subtaskIndex = subtaskIndex;
    }

    public JobVertexID getJobVertexId() {
        return jobVertexId;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof ExecutionVertexID)) {
            return false;
        }
        ExecutionVertexID other = (ExecutionVertexID) obj;
        return subtaskIndex == other.subtaskIndex && jobVertexId.equals(other.jobVertexId);
    }

    @Override
    public int hashCode() {
        return 31 * jobVertexId.hashCode() + subtaskIndex;
    }

    @Override
    public String toString() {
        return jobVertexId + "_" + subtaskIndex;
    }
}
