package io.freshet.runtime.checkpoint;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.freshet.runtime.jobgraph.JobVertexID;

/** The operator coordinators of a job (split enumerators) as the CheckpointCoordinator takes part of them. */
public interface CoordinatorCheckpoints {

    /** No coordinators. */
    CoordinatorCheckpoints NONE = new CoordinatorCheckpoints() {
        @Override
        public CompletableFuture<Map<JobVertexID, byte[]>> checkpointCoordinators(long checkpointId) {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {}

        @Override
        public boolean hasCoordinator(JobVertexID vertex) {
            return false;
        }

        @Override
        public void resetToCheckpoint(JobVertexID vertex, long checkpointId, byte[] state) {}
    };

    /** Snapshots every coordinator; completes with their states by vertex (coordinators without state left out). */
    CompletableFuture<Map<JobVertexID, byte[]>> checkpointCoordinators(long checkpointId);

    void notifyCheckpointComplete(long checkpointId);

    boolean hasCoordinator(JobVertexID vertex);

    /** All subtasks of {@code vertex} start over from checkpoint {@code checkpointId}: so does its coordinator. */
    void resetToCheckpoint(JobVertexID vertex, long checkpointId, byte[] state) throws Exception;
}
