package io.freshet.runtime.checkpoint;

/** How a task answers a checkpoint: with its state, or with the reason it could not take part. */
public interface CheckpointResponder {

    void acknowledgeCheckpoint(long checkpointId, TaskStateSnapshot state);

    void declineCheckpoint(long checkpointId, Throwable cause);
}
