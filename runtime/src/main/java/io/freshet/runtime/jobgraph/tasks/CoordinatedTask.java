package io.freshet.runtime.jobgraph.tasks;

import io.freshet.runtime.jobgraph.JobVertexID;

/** A task whose operators receive events from their coordinators on the JobManager. */
public interface CoordinatedTask {

    /**
     * Hands over an event for {@code operatorId}; called from a TaskExecutor thread, never from the task thread, so
     * it must only queue the event for the task thread.
     */
    void dispatchOperatorEvent(JobVertexID operatorId, byte[] serializedEvent) throws Exception;
}
