package io.freshet.api.common.state;

/** An {@link AppendingState} whose values can be merged. */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {}
