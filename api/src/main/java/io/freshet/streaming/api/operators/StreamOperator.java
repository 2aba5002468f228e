package io.freshet.streaming.api.operators;

import java.io.Serializable;

/**
 * An operator of a stream: set up once with its output and context, {@link #open()}ed before the first element,
 * {@link #finish()}ed when its input has ended (it may still emit), {@link #close()}d at the end in every outcome.
 * Runs in its task's thread only.
 */
public interface StreamOperator<OUT> extends Serializable {

    void setup(StreamOperatorParameters<OUT> parameters);

    void open() throws Exception;

    /** The input ended: emit what is buffered. Not called when the task fails or is cancelled. */
    void finish() throws Exception;

    /** Releases resources; called after {@link #finish()} and also after failures. */
    void close() throws Exception;

    // ---- checkpoints (task thread; between records) ----

    /** A checkpoint starts here: emit what must go downstream before its barrier. */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    /**
     * The operator's own state for checkpoint {@code checkpointId} (operator state, timers), or null when it has
     * none; keyed state is written by the task from its keyed backend.
     */
    default byte[] snapshotState(long checkpointId, long timestamp) throws Exception {
        return null;
    }

    /**
     * Before {@link #open()}, when the task restores checkpoint {@code checkpointId}: the states this operator's
     * instances wrote in it, this subtask's own first (another parallelism brings several).
     */
    default void initializeState(long checkpointId, java.util.List<byte[]> restoredStates) throws Exception {}

    /** Checkpoint {@code checkpointId} is complete on every task: commit what it covers. */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    /** Checkpoint {@code checkpointId} was aborted. */
    default void notifyCheckpointAborted(long checkpointId) throws Exception {}

    ChainingStrategy getChainingStrategy();

    void setChainingStrategy(ChainingStrategy strategy);
}
