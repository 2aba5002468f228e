package io.freshet.api.common.accumulators;

import java.io.Serializable;

/**
 * An accumulator whose added values and result have the same type, such as a counter.
 *
 * @param <T> the type of the values and of the result
 */
public interface SimpleAccumulator<T extends Serializable> extends Accumulator<T, T> {}
