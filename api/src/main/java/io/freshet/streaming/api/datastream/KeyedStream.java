package io.freshet.streaming.api.datastream;

import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.co.ProcessJoinFunction;
import io.freshet.streaming.api.functions.aggregation.AggregationFunction;
import io.freshet.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import io.freshet.streaming.api.functions.aggregation.ComparableAggregator;
import io.freshet.streaming.api.functions.aggregation.SumAggregator;
import io.freshet.streaming.api.operators.IntervalJoinOperator;
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
        java.util.List<TypeInformation<?>> unsupported = new java.util.ArrayList<>();
        collectUnsupportedKeyTypes(keyType, unsupported);
        if (!unsupported.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (TypeInformation<?> type : unsupported) {
                names.append(names.length() == 0 ? "" : ", ").append(type);
            }
            throw new io.freshet.api.common.functions.InvalidTypesException("Type " + keyType + " cannot be used as"
                    + " key. Contained UNSUPPORTED key types: " + names + ". Keys of keyBy need a hashCode() that"
                    + " depends on their contents and is the same in every JVM: no arrays (wrap them, or key by a"
                    + " List or a String built from them), no types without such a hashCode.");
        }
    }

    /** The parts of {@code type} that cannot be keys: arrays (their hashCode is their identity) and non-key types. */
    private static void collectUnsupportedKeyTypes(TypeInformation<?> type, java.util.List<TypeInformation<?>> out) {
        if (type instanceof io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo
                || type instanceof io.freshet.api.common.typeinfo.BasicArrayTypeInfo
                || type instanceof io.freshet.api.java.typeutils.ObjectArrayTypeInfo) {
            out.add(type);
        } else if (type instanceof io.freshet.api.java.typeutils.TupleTypeInfoBase) {
            io.freshet.api.java.typeutils.TupleTypeInfoBase<?> tuple =
                    (io.freshet.api.java.typeutils.TupleTypeInfoBase<?>) type;
            for (int i = 0; i < tuple.getArity(); i++) {
                collectUnsupportedKeyTypes(tuple.getTypeAt(i), out);
            }
        } else if (!type.isKeyType()) {
            out.add(type);
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

    // ---- interval join ----

    /**
     * Joins this stream with {@code otherStream} (keyed by a key of the same type) on event time: each record of
     * this stream with each record of the other of the same key whose timestamp lies within the bounds that
     * {@link IntervalJoin#between} gives around it.
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> otherStream) {
        return new IntervalJoin<>(this, java.util.Objects.requireNonNull(otherStream, "the stream of intervalJoin"));
    }

    /** An interval join waiting for its bounds. */
    public static class IntervalJoin<T1, T2, KEY> {

        private final KeyedStream<T1, KEY> left;
        private final KeyedStream<T2, KEY> right;
        private boolean eventTime = true;

        IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
            if (!left.getKeyType().equals(right.getKeyType())) {
                throw new IllegalArgumentException("intervalJoin needs both streams keyed by one key type, not "
                        + left.getKeyType() + " and " + right.getKeyType() + ".");
            }
            this.left = left;
            this.right = right;
        }

        /** Joins on event time (the default, and the only time interval joins support). */
        public IntervalJoin<T1, T2, KEY> inEventTime() {
            eventTime = true;
            return this;
        }

        /** Accepted as in Flink, but {@link #between} then fails: interval joins run in event time only. */
        public IntervalJoin<T1, T2, KEY> inProcessingTime() {
            eventTime = false;
            return this;
        }

        /**
         * Joins a left record at {@code l} with the right records at {@code r} where
         * {@code l + lowerBound <= r <= l + upperBound}; both bounds are inclusive unless made exclusive.
         */
        public IntervalJoined<T1, T2, KEY> between(java.time.Duration lowerBound, java.time.Duration upperBound) {
            if (!eventTime) {
                throw new UnsupportedOperationException("Interval joins run in event time only: remove"
                        + " inProcessingTime(), and give both inputs timestamps and watermarks.");
            }
            long lower = lowerBound.toMillis();
            long upper = upperBound.toMillis();
            if (lower > upper) {
                throw new IllegalArgumentException("The lower bound of between(...), " + lower + " ms, is above its"
                        + " upper bound, " + upper + " ms.");
            }
            return new IntervalJoined<>(left, right, lower, upper, true, true);
        }

        @Deprecated
        public IntervalJoined<T1, T2, KEY> between(io.freshet.streaming.api.windowing.time.Time lowerBound,
                io.freshet.streaming.api.windowing.time.Time upperBound) {
            return between(lowerBound.toDuration(), upperBound.toDuration());
        }
    }

    /** An interval join with its bounds, waiting for its {@link ProcessJoinFunction}. */
    public static class IntervalJoined<IN1, IN2, KEY> {

        private final KeyedStream<IN1, KEY> left;
        private final KeyedStream<IN2, KEY> right;
        private final long lowerBound;
        private final long upperBound;
        private boolean lowerBoundInclusive;
        private boolean upperBoundInclusive;
        private io.freshet.util.OutputTag<IN1> leftLateDataOutputTag;
        private io.freshet.util.OutputTag<IN2> rightLateDataOutputTag;

        public IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound,
                long upperBound, boolean lowerBoundInclusive, boolean upperBoundInclusive) {
            this.left = java.util.Objects.requireNonNull(left, "left");
            this.right = java.util.Objects.requireNonNull(right, "right");
            this.lowerBound = lowerBound;
            this.upperBound = upperBound;
            this.lowerBoundInclusive = lowerBoundInclusive;
            this.upperBoundInclusive = upperBoundInclusive;
        }

        /** Excludes the upper bound: {@code r < l + upperBound}. */
        public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
            upperBoundInclusive = false;
            return this;
        }

        /** Excludes the lower bound: {@code l + lowerBound < r}. */
        public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
            lowerBoundInclusive = false;
            return this;
        }

        /** Sends left records that arrive behind the watermark to a side output instead of dropping them. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(io.freshet.util.OutputTag<IN1> outputTag) {
            leftLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        /** Sends right records that arrive behind the watermark to a side output instead of dropping them. */
        public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(io.freshet.util.OutputTag<IN2> outputTag) {
            rightLateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "outputTag");
            return this;
        }

        /** Runs {@code processJoinFunction} on each joined pair; the output type is read from its signature. */
        public <OUT> SingleOutputStreamOperator<OUT> process(
                ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction) {
            TypeInformation<OUT> type;
            try {
                type = TypeExtractor.createTypeInfo(ProcessJoinFunction.class, processJoinFunction.getClass(), 2,
                        left.getType(), right.getType());
            } catch (io.freshet.api.common.functions.InvalidTypesException e) {
                @SuppressWarnings("unchecked")
                TypeInformation<OUT> missing = (TypeInformation<OUT>) (TypeInformation<?>)
                        new io.freshet.api.java.typeutils.MissingTypeInfo(functionName(processJoinFunction), e);
                type = missing;
            }
            return process(processJoinFunction, type);
        }

        public <OUT> SingleOutputStreamOperator<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> processJoinFunction,
                TypeInformation<OUT> outputType) {
            long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
            long upper = upperBoundInclusive ? upperBound : upperBound - 1;
            if (lower > upper) {
                throw new IllegalArgumentException("The interval join's bounds leave no room: lower bound "
                        + lowerBound + " ms" + (lowerBoundInclusive ? "" : " (exclusive)") + ", upper bound "
                        + upperBound + " ms" + (upperBoundInclusive ? "" : " (exclusive)") + ".");
            }
            IntervalJoinOperator<KEY, IN1, IN2, OUT> operator = new IntervalJoinOperator<>(lower, upper,
                    left.getType(), right.getType(), leftLateDataOutputTag, rightLateDataOutputTag,
                    left.getExecutionEnvironment().clean(processJoinFunction));
            return left.connect(right).transform("Interval Join", outputType, operator);
        }
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
