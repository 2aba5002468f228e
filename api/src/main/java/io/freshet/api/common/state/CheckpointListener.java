package io.freshet.api.common.state;

/** Told when a checkpoint completed (to commit what it covers) or was aborted. */
public interface CheckpointListener {

    void notifyCheckpointComplete(long checkpointId) throws Exception;

    default void notifyCheckpointAborted(long checkpointId) throws Exception {}
}
