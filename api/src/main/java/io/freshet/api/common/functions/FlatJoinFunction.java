package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Produces zero or more output records for each pair of records that matched on the join key. In outer
 * joins one of the two sides is null when it had no partner.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends Function, Serializable {

    /** Emits the records for the matching pair {@code first}, {@code second} into {@code out}. */
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
