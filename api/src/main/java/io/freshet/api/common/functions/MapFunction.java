package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Turns each input record into exactly one output record.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface MapFunction<T, O> extends Function, Serializable {

    /** Returns the record that replaces {@code value}; an exception fails the task. */
    O map(T value) throws Exception;
}
