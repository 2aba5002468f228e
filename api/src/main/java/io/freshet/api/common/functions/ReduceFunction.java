package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Combines two values of the same type into one, repeatedly, until one value per group remains. The
 * runtime may apply it in any grouping order, so it must be associative (and commutative where the input
 * order is not defined). It may return one of its arguments, modified.
 *
 * @param <T> the type of the values combined
 */
@FunctionalInterface
public interface ReduceFunction<T> extends Function, Serializable {

    /** Returns the combination of {@code value1} and {@code value2}. */
    T reduce(T value1, T value2) throws Exception;
}
