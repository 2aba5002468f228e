package io.freshet.runtime.executiongraph;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;

/** A job vertex expanded to its parallel subtasks. */
public final class ExecutionJobVertex {

    private final JobVertex jobVertex;
    private final ExecutionVertex[] taskVertices;

    ExecutionJobVertex(JobVertex jobVertex, ExecutionGraphID graphId) {
        this.jobVertex = jobVertex;
        this.taskVertices = new ExecutionVertex[jobVertex.getParallelism()];
        for (int i = 0; i < taskVertices.length; i++) {
            taskVertices[i] = new ExecutionVertex(this, i, graphId);
        }
    }

    public JobVertex getJobVertex() {
        return jobVertex;
    }

    public JobVertexID getJobVertexId() {
        return jobVertex.getID();
    }

    public String getName() {
        return jobVertex.getName();
    }

    public int getParallelism() {
        return taskVertices.length;
    }

    public ExecutionVertex getTaskVertex(int subtaskIndex) {
        return taskVertices[subtaskIndex];
    }

    public List<ExecutionVertex> getTaskVertices() {
        return Collections.unmodifiableList(Arrays.asList(taskVertices));
    }

    @Override
    public String toString() {
        return "ExecutionJobVertex(" + getName() + ", parallelism " + getParallelism() + ")";
    }
}
