package io.freshet.streaming.api.checkpoint;

import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;

/**
 * A function with state of its own beyond keyed state (a source's read position, a sink's buffer): it registers the
 * state in {@link #initializeState} (before {@code open}; restored from a checkpoint when there is one) and brings it
 * up to date in {@link #snapshotState} when a checkpoint is taken.
 */
public interface CheckpointedFunction {

    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}
