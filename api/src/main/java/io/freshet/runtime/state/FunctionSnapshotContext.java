package io.freshet.runtime.state;

/** The context of {@code CheckpointedFunction.snapshotState}. */
public interface FunctionSnapshotContext extends ManagedSnapshotContext {}
