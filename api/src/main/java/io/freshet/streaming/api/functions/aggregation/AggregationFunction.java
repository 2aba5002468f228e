package io.freshet.streaming.api.functions.aggregation;

import io.freshet.api.common.functions.ReduceFunction;

/** The built-in aggregations of keyed streams (sum, min, max, minBy, maxBy) as reduce functions. */
public abstract class AggregationFunction<T> implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    /** The kinds of aggregation. */
    public enum AggregationType {
        SUM, MIN, MAX, MINBY, MAXBY
    }
}
