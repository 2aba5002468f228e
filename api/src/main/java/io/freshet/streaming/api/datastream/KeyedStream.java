package io.freshet.streaming.api.datastream;

import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.aggregation.AggregationFunction;
import io.freshet.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import io.freshet.streaming.api.functions.aggregation.ComparableAggregator;
import io.freshet.streaming.api.functions.aggregation.SumAggregator;
import io.freshet.streaming.api.operators.KeyedProcessOperator;
import io.freshet.streaming.api.operators.StreamGroupedReduce;
import io.freshet.streaming.api.transformations.PartitionTransformation;

/**
 * A stream partitioned by key: operations on it see one key at a time and may keep state per key
 * ({@code getRuntimeContext().getState(...)}); {@link #reduce} and the aggregations keep a running value per key.
 */
public class KeyedStream<T, K> extends DataStream<T> {

    private final KeySelector<T, K> keySelector;
    private final TypeInformation<K> keyType;

    public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        this(input, keySelector, TypeExtractor.getKeySelectorTypes(keySelector, input.getType(),
                functionName(keySelector), false));
    }

    public KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector, TypeInformation<K> keyType) {
        super(input.getExecutionEnvironment(), PartitionTransformation.hash(input.getTransformation(), keySelector));
        this.keySelector = keySelector;
        this.keyType = keyType;
        if (!keyType.isKeyType()) {
            throw new io.freshet.api.common.functions.InvalidTypesException("The key of keyBy, " + keyType
                    + ", cannot be a key: keys need a deterministic hashCode (no arrays, no types without hashCode).");
        }
    }

    public KeySelector<T, K> getKeySelector() {
        return keySelector;
    }

    public TypeInformation<K> getKeyType() {
        return keyType;
    }

    // ---- windows ----

    /** Cuts each key's records into the windows {@code assigner} gives. */
    public <W extends io.freshet.streaming.api.windowing.windows.Window> WindowedStream<T, K, W> window(
            io.freshet.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** Windows of {@code size} elements per key: each fires and empties when it is full. */
    public WindowedStream<T, K, io.freshet.streaming.api.windowing.windows.GlobalWindow> countWindow(long size) {
        if (size < 1) {
            throw new IllegalArgumentException("countWindow needs a size of at least 1 element, not " + size);
        }
        return window(io.freshet.streaming.api.windowing.assigners.GlobalWindows.create())
                .trigger(io.freshet.streaming.api.windowing.triggers.PurgingTrigger.of(
                        io.freshet.streaming.api.windowing.triggers.CountTrigger.of(size)));
    }

    /** Windows of the last {@code size} elements per key, firing every {@code slide} elements. */
    public WindowedStream<T, K, io.freshet.streaming.api.windowing.windows.GlobalWindow> countWindow(long size,
            long slide) {
        if (size < 1) {
            throw new IllegalArgumentException("countWindow needs a size of at least 1 element, not " + size);
        }
        if (slide < 1) {
            throw new IllegalArgumentException("countWindow needs a slide of at least 1 element, not " + slide);
        }
        return window(io.freshet.streaming.api.windowing.assigners.GlobalWindows.create())
                .evictor(io.freshet.streaming.api.windowing.evictors.CountEvictor.of(size))
                .trigger(io.freshet.streaming.api.windowing.triggers.CountTrigger.of(slide));
    }

    // ---- process ----

    /** Runs a {@link KeyedProcessFunction}: per record the key, keyed state and timers. */
    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> keyedProcessFunction) {
        return process(keyedProcessFunction, outputTypeOf(keyedProcessFunction, KeyedProcessFunction.class, 2));
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> keyedProcessFunction,
            TypeInformation<R> outputType) {
        return transform("KeyedProcess", outputType,
                new KeyedProcessOperator<>(environment.clean(keyedProcessFunction)));
    }

    // ---- rolling aggregations ----

    /** Combines each record with the key's value so far and emits the new value. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        return transform("Keyed Reduce", getType(), new StreamGroupedReduce<>(environment.clean(reducer),
                getType().createSerializer(getExecutionConfig())));
    }

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return aggregate(new SumAggregator<>(positionToSum, getType(), serializer()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(new SumAggregator<>(field, getType(), serializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return aggregate(new ComparableAggregator<>(positionToMin, getType(), AggregationType.MIN, false, serializer()));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MIN, false, serializer()));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return aggregate(new ComparableAggregator<>(positionToMax, getType(), AggregationType.MAX, false, serializer()));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MAX, false, serializer()));
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy) {
        return minBy(positionToMinBy, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    public SingleOutputStreamOperator<T> minBy(int positionToMinBy, boolean first) {
        return aggregate(new ComparableAggregator<>(positionToMinBy, getType(), AggregationType.MINBY, first,
                serializer()));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MINBY, first, serializer()));
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy) {
        return maxBy(positionToMaxBy, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    public SingleOutputStreamOperator<T> maxBy(int positionToMaxBy, boolean first) {
        return aggregate(new ComparableAggregator<>(positionToMaxBy, getType(), AggregationType.MAXBY, first,
                serializer()));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(new ComparableAggregator<>(field, getType(), AggregationType.MAXBY, first, serializer()));
    }

    private io.freshet.api.common.typeutils.TypeSerializer<T> serializer() {
        return getType().createSerializer(getExecutionConfig());
    }

    protected SingleOutputStreamOperator<T> aggregate(AggregationFunction<T> aggregate) {
        return transform("Keyed Aggregation", getType(), new StreamGroupedReduce<>(aggregate, serializer()));
    }
}
