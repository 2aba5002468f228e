package io.freshet.api.java.functions;

import io.freshet.api.common.functions.Function;
import java.io.Serializable;

/**
 * Extracts the key of a record for grouping, partitioning and joining. It must be deterministic: the same
 * record always yields an equal key with the same {@code hashCode}, on every machine, because the key decides
 * which parallel instance (and key group) a record goes to.
 *
 * @param <IN> the record type
 * @param <KEY> the key type
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function, Serializable {

    /** Returns the key of {@code value}. */
    KEY getKey(IN value) throws Exception;
}
