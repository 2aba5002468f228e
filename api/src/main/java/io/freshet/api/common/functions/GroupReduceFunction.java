package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Receives all records of one group at once and emits any number of results.
 *
 * @param <T> the input type
 * @param <O> the output type
 */
@FunctionalInterface
public interface GroupReduceFunction<T, O> extends Function, Serializable {

    /**
     * Emits the results for one group into {@code out}. {@code values} may be traversed once only and is valid
     * only during this call.
     */
    void reduce(Iterable<T> values, Collector<O> out) throws Exception;
}
