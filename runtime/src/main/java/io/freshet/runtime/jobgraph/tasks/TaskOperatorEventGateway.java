package io.freshet.runtime.jobgraph.tasks;

import io.freshet.runtime.jobgraph.JobVertexID;

/** How a task's operators send events to their coordinators on the JobManager (in order, asynchronously). */
public interface TaskOperatorEventGateway {

    void sendOperatorEventToCoordinator(JobVertexID operatorId, byte[] serializedEvent);
}
