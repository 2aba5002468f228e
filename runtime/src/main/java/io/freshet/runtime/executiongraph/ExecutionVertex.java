package io.freshet.runtime.executiongraph;

import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;

/**
 * One subtask of a job vertex, across its attempts: the current {@link Execution} and a counter for the next
 * attempt number. A restart replaces the current execution with a fresh one (CREATED, no slot).
 */
public final class ExecutionVertex {

    private final ExecutionJobVertex jobVertex;
    private final ExecutionVertexID id;
    private final ExecutionGraphID graphId;
    private Execution current;
    private int nextAttemptNumber;

    ExecutionVertex(ExecutionJobVertex jobVertex, int subtaskIndex, ExecutionGraphID graphId) {
        this.jobVertex = jobVertex;
        this.id = new ExecutionVertexID(jobVertex.getJobVertexId(), subtaskIndex);
        this.graphId = graphId;
        resetForNewExecution();
    }

    public ExecutionVertexID getId() {
        return id;
    }

    public ExecutionJobVertex getJobVertex() {
        return jobVertex;
    }

    public int getSubtaskIndex() {
        return id.getSubtaskIndex();
    }

    private io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore;

    /** The state the next deployment of this subtask restores (set before a restart), or null. */
    public io.freshet.runtime.checkpoint.JobManagerTaskRestore getTaskRestore() {
        return taskRestore;
    }

    public void setTaskRestore(io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore) {
        this.taskRestore = taskRestore;
    }

    public Execution getCurrentExecution() {
        return current;
    }

    /** {@code Name (i/n)} as Flink prints subtasks. */
    public String getTaskNameWithSubtaskIndex() {
        return jobVertex.getName() + " (" + (getSubtaskIndex() + 1) + "/" + jobVertex.getParallelism() + ")";
    }

    /** Starts a new attempt; the previous one must be in a terminal state (or never left CREATED). */
    public Execution resetForNewExecution() {
        if (current != null && !current.getState().isTerminal()
                && current.getState() != io.freshet.runtime.execution.ExecutionState.CREATED) {
            throw new IllegalStateException("cannot restart " + getTaskNameWithSubtaskIndex() + " while its attempt "
                    + current.getAttemptNumber() + " is " + current.getState());
        }
        current = new Execution(new ExecutionAttemptID(graphId, id, nextAttemptNumber++));
        return current;
    }

    @Override
    public String toString() {
        return getTaskNameWithSubtaskIndex();
    }
}
