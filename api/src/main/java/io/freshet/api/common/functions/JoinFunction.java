package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Produces one output record for each pair of records that matched on the join key. In outer joins one of
 * the two sides is null when it had no partner.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function, Serializable {

    /** Returns the record for the matching pair {@code first}, {@code second}. */
    OUT join(IN1 first, IN2 second) throws Exception;
}
