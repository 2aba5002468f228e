package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Receives all records of one parallel partition in a single call.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface MapPartitionFunction<T, O> extends Function, Serializable {

    /**
     * Emits the output for the partition into {@code out}. {@code values} may be traversed once only and is
     * valid only during this call.
     */
    void mapPartition(Iterable<T> values, Collector<O> out) throws Exception;
}
