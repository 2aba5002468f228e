package io.freshet.api.common.state;

/** One value per key, combined with each added value by the descriptor's reduce function. */
public interface ReducingState<T> extends MergingState<T, T> {}
