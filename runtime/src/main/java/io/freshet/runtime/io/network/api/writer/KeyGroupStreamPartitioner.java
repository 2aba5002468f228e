package io.freshet.runtime.io.network.api.writer;

import java.util.Objects;

import io.freshet.api.java.functions.KeySelector;
import io.freshet.runtime.state.KeyGroupRangeAssignment;

/**
 * Hash partitioning by key group: the key of each record picks its key group, and the key group picks the channel
 * of the consumer instance that owns it ({@link KeyGroupRangeAssignment}), so records of a key always meet the
 * keyed state of that key.
 */
public final class KeyGroupStreamPartitioner<T, K> extends StreamPartitioner<T> {

    private static final long serialVersionUID = 1L;

    private final KeySelector<T, K> keySelector;
    private final int maxParallelism;

    public KeyGroupStreamPartitioner(KeySelector<T, K> keySelector, int maxParallelism) {
        KeyGroupRangeAssignment.checkParallelismPreconditions(maxParallelism);
        this.keySelector = Objects.requireNonNull(keySelector);
        this.maxParallelism = maxParallelism;
    }

    @Override
    public void setup(int numberOfChannels) {
        if (numberOfChannels > maxParallelism) {
            throw new IllegalArgumentException("a keyed exchange to " + numberOfChannels + " consumers exceeds the"
                    + " maximum parallelism " + maxParallelism + "; raise the job's max parallelism");
        }
        super.setup(numberOfChannels);
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    @Override
    public int selectChannel(T record) {
        K key;
        try {
            key = keySelector.getKey(record);
        } catch (Exception e) {
            throw new RuntimeException("the KeySelector failed to extract the key of a record", e);
        }
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, numberOfChannels);
    }

    @Override
    public StreamPartitioner<T> copy() {
        return new KeyGroupStreamPartitioner<>(keySelector, maxParallelism);
    }

    @Override
    public String toString() {
        return "HASH";
    }
}
