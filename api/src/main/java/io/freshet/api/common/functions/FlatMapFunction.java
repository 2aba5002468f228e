package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Turns each input record into zero, one or more output records.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function, Serializable {

    /** Emits the records derived from {@code value} into {@code out}; an exception fails the task. */
    void flatMap(T value, Collector<O> out) throws Exception;
}
