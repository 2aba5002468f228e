package io.freshet.runtime.event;

/** An event created by the runtime itself, not by user code. */
public abstract class RuntimeEvent extends AbstractEvent {}
