package io.freshet.api.common.functions;

import java.io.Serializable;

/**
 * Chooses the target partition for a key in a custom partitioning.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface Partitioner<K> extends Serializable, Function {

    /**
     * Returns the partition for {@code key}, in {@code [0, numPartitions)}; the same key must always map to the
     * same partition.
     */
    int partition(K key, int numPartitions);
}
