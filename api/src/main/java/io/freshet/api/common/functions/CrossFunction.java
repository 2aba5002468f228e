package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Produces one output record for every pair of the Cartesian product of two inputs.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface CrossFunction<IN1, IN2, OUT> extends Function, Serializable {

    /** Returns the record for the pair {@code val1}, {@code val2}. */
    OUT cross(IN1 val1, IN2 val2) throws Exception;
}
