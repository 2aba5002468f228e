package io.freshet.runtime.state;

/** The context of {@code CheckpointedFunction.initializeState}. */
public interface FunctionInitializationContext extends ManagedInitializationContext {}
