package io.freshet.streaming.api.functions.source;

/** A {@link SourceFunction} that may run with a parallelism above one (each instance emits its share). */
@Deprecated
public interface ParallelSourceFunction<OUT> extends SourceFunction<OUT> {}
