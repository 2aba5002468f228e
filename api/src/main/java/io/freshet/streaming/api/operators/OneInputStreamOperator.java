package io.freshet.streaming.api.operators;

/** An operator with one input (map, filter, reduce, sink, ...). */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT>, Input<IN> {}
