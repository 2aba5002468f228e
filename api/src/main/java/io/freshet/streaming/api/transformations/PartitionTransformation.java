package io.freshet.streaming.api.transformations;

import java.util.List;
import java.util.Objects;

import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.dag.Transformation;
import io.freshet.api.java.functions.KeySelector;

/** How records go from the input's subtasks to the next operator's: not an operator, an edge property. */
public final class PartitionTransformation<T> extends Transformation<T> {

    /** The ways records can be distributed. */
    public enum Kind {
        /** Subtask i to subtask i (same parallelism). */
        FORWARD,
        /** Round robin over all consumers. */
        REBALANCE,
        /** Round robin over a local subset of consumers. */
        RESCALE,
        /** Uniformly at random. */
        SHUFFLE,
        /** Every record to every consumer. */
        BROADCAST,
        /** Everything to consumer 0. */
        GLOBAL,
        /** By the key's key group ({@code keyBy}). */
        HASH,
        /** By a user {@link Partitioner} over a key. */
        CUSTOM
    }

    private final Transformation<T> input;
    private final Kind kind;
    private final KeySelector<T, ?> keySelector;
    private final Partitioner<?> partitioner;

    private PartitionTransformation(Transformation<T> input, Kind kind, KeySelector<T, ?> keySelector,
            Partitioner<?> partitioner) {
        super("Partition", input.getOutputType(), input.getParallelism());
        this.input = Objects.requireNonNull(input, "input");
        this.kind = kind;
        this.keySelector = keySelector;
        this.partitioner = partitioner;
    }

    public static <T> PartitionTransformation<T> of(Transformation<T> input, Kind kind) {
        if (kind == Kind.HASH || kind == Kind.CUSTOM) {
            throw new IllegalArgumentException(kind + " partitioning needs a key");
        }
        return new PartitionTransformation<>(input, kind, null, null);
    }

    public static <T, K> PartitionTransformation<T> hash(Transformation<T> input, KeySelector<T, K> keySelector) {
        return new PartitionTransformation<>(input, Kind.HASH, Objects.requireNonNull(keySelector), null);
    }

    public static <T, K> PartitionTransformation<T> custom(Transformation<T> input, Partitioner<K> partitioner,
            KeySelector<T, K> keySelector) {
        return new PartitionTransformation<>(input, Kind.CUSTOM, Objects.requireNonNull(keySelector),
                Objects.requireNonNull(partitioner));
    }

    public Transformation<T> getInput() {
        return input;
    }

    public Kind getKind() {
        return kind;
    }

    /** The key selector of HASH and CUSTOM partitioning, else null. */
    public KeySelector<T, ?> getKeySelector() {
        return keySelector;
    }

    /** The partitioner of CUSTOM partitioning, else null. */
    public Partitioner<?> getPartitioner() {
        return partitioner;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}
