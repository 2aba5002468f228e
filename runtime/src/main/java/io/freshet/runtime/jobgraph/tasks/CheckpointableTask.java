package io.freshet.runtime.jobgraph.tasks;

/**
 * An invokable that takes part in checkpoints. The methods are called from TaskExecutor threads and must hand the
 * work to the task's own thread.
 */
public interface CheckpointableTask {

    /** A source task starts checkpoint {@code checkpointId}: snapshot, then send the barrier downstream. */
    void triggerCheckpoint(long checkpointId, long timestamp, io.freshet.runtime.checkpoint.CheckpointType type);

    /** The checkpoint completed on every task. */
    void notifyCheckpointComplete(long checkpointId);

    /** The checkpoint was aborted. */
    void notifyCheckpointAborted(long checkpointId);
}
