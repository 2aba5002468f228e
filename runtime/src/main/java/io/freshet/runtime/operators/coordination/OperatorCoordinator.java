package io.freshet.runtime.operators.coordination;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.runtime.messages.Acknowledge;

/**
 * The JobManager-side part of an operator (the split enumerator of a source): one per operator and job, created when
 * the job starts and closed when it ends. The JobMaster calls it from its main thread; a coordinator that blocks runs
 * its work in a thread of its own.
 */
public interface OperatorCoordinator extends AutoCloseable {

    /** The user payload key under which a JobVertex carries the {@link Provider} of its head's coordinator. */
    String JOB_VERTEX_PAYLOAD_KEY = "freshet.operator-coordinator";

    void start() throws Exception;

    @Override
    void close() throws Exception;

    /** An event from subtask {@code subtask}. */
    void handleEventFromOperator(int subtask, OperatorEvent event) throws Exception;

    /** Subtask {@code subtask} is ready to receive events through {@code gateway} (its attempt runs). */
    void executionAttemptReady(int subtask, SubtaskGateway gateway);

    /**
     * Subtask {@code subtask} failed and starts over as a new attempt: what it was given since the last completed
     * checkpoint is lost with it.
     */
    void subtaskReset(int subtask);

    /**
     * Subtask {@code subtask} starts over from checkpoint {@code checkpointId} (-1: from no checkpoint): what it was
     * given after that checkpoint is lost with it.
     */
    default void subtaskReset(int subtask, long checkpointId) {
        subtaskReset(subtask);
    }

    /**
     * Takes the coordinator's part of checkpoint {@code checkpointId}: completes with its state (null: none). Events
     * the coordinator sent to a subtask before the future completes reach the subtask before the checkpoint's trigger.
     */
    default CompletableFuture<byte[]> checkpointCoordinator(long checkpointId) {
        return CompletableFuture.completedFuture(null);
    }

    /** Checkpoint {@code checkpointId} completed. */
    default void notifyCheckpointComplete(long checkpointId) {}

    /**
     * All subtasks start over from checkpoint {@code checkpointId}: the coordinator goes back to the state it wrote
     * for it ({@code checkpointData}, null when it wrote none).
     */
    default void resetToCheckpoint(long checkpointId, byte[] checkpointData) throws Exception {}

    /** Sends events to one attempt of a subtask. */
    interface SubtaskGateway {
        CompletableFuture<Acknowledge> sendEvent(OperatorEvent event);

        int getSubtask();
    }

    /** What the JobMaster offers a coordinator. */
    interface Context {
        JobID getJobID();

        int currentParallelism();

        ClassLoader getUserCodeClassLoader();

        /** Fails the job (global failover) with {@code cause}, for errors the coordinator cannot recover from. */
        void failJob(Throwable cause);
    }

    /** Creates the coordinator on the JobManager; shipped inside the JobGraph. */
    interface Provider extends Serializable {
        OperatorCoordinator create(Context context) throws Exception;
    }
}
