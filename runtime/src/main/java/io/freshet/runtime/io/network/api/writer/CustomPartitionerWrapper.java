package io.freshet.runtime.io.network.api.writer;

import java.util.Objects;

import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.java.functions.KeySelector;

/** A user {@link Partitioner} choosing the channel from the key a {@link KeySelector} extracts. */
public final class CustomPartitionerWrapper<K, T> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    private final Partitioner<K> partitioner;
    private final KeySelector<T, K> keySelector;

    public CustomPartitionerWrapper(Partitioner<K> partitioner, KeySelector<T, K> keySelector) {
        this.partitioner = Objects.requireNonNull(partitioner);
        this.keySelector = Objects.requireNonNull(keySelector);
    }

    @Override
    public int selectChannel(T record) {
        K key;
        try {
            key = keySelector.getKey(record);
        } catch (Exception e) {
            throw new RuntimeException("the KeySelector of the custom partitioning failed to extract a key", e);
        }
        int channel = partitioner.partition(key, numberOfChannels);
        if (channel < 0 || channel >= numberOfChannels) {
            throw new IllegalStateException("the custom Partitioner " + partitioner.getClass().getName()
                    + " returned partition " + channel + ", outside [0, " + numberOfChannels + ")");
        }
        return channel;
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new CustomPartitionerWrapper<>(partitioner, keySelector);
    }

    @Override
    public String toString() {
        return "CUSTOM";
    }
}
