package io.freshet.api.common.state;

/** An accumulator per key, fed by the descriptor's aggregate function; {@link #get()} is its result. */
public interface AggregatingState<IN, OUT> extends MergingState<IN, OUT> {}
