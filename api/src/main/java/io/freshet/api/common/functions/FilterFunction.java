package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Decides per record whether it is kept.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface FilterFunction<T> extends Function, Serializable {

    /** Returns true to keep {@code value}, false to drop it. */
    boolean filter(T value) throws Exception;
}
