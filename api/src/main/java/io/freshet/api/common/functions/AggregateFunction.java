package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Folds input values into a mutable accumulator and derives a result from it. The runtime creates an
 * accumulator per group, adds values to it, may merge accumulators of partial groups (for example merging
 * session windows), and asks for the result when the group is complete.
 *
 * @param <IN> the type of the aggregated values
 * @param <ACC> the accumulator type (intermediate state)
 * @param <OUT> the result type
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function, Serializable {

    /** Returns a new accumulator that stands for an empty aggregate. */
    ACC createAccumulator();

    /** Adds {@code value} to {@code accumulator} and returns the updated accumulator (it may be the same). */
    ACC add(IN value, ACC accumulator);

    /** Returns the result for the values added to {@code accumulator}. */
    OUT getResult(ACC accumulator);

    /**
     * Returns an accumulator holding the values of both arguments. The arguments must not be used after the
     * call; one of them may be returned.
     */
    ACC merge(ACC a, ACC b);
}
