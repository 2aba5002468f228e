package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Receives, per key, all records of both inputs with that key; either side may be empty, never both.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <O> the output type
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, O> extends Function, Serializable {

    /**
     * Emits the output for one key into {@code out}. The iterables may be traversed once only and are valid
     * only during this call.
     */
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<O> out) throws Exception;
}
