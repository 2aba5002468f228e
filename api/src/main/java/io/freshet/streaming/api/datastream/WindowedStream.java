package io.freshet.streaming.api.datastream;

import java.time.Duration;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.functions.aggregation.AggregationFunction.AggregationType;
import io.freshet.streaming.api.functions.aggregation.ComparableAggregator;
import io.freshet.streaming.api.functions.aggregation.SumAggregator;
import io.freshet.streaming.api.functions.windowing.ProcessWindowFunction;
import io.freshet.streaming.api.functions.windowing.WindowFunction;
import io.freshet.streaming.api.windowing.assigners.WindowAssigner;
import io.freshet.streaming.api.windowing.evictors.Evictor;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.InternalWindowFunction;
import io.freshet.streaming.runtime.operators.windowing.WindowContents;
import io.freshet.streaming.runtime.operators.windowing.WindowOperator;

/** A keyed stream cut into windows ({@code keyBy(...).window(assigner)}), waiting for its window function. */
@SuppressWarnings({"unchecked", "rawtypes"})
public class WindowedStream<T, K, W extends Window> {

    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> windowAssigner;
    private Trigger<? super T, ? super W> trigger;
    private long allowedLateness;
    private io.freshet.util.OutputTag<T> lateDataOutputTag;
    private Evictor<? super T, ? super W> evictor;

    public WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> windowAssigner) {
        this.input = input;
        this.windowAssigner = windowAssigner;
        this.trigger = windowAssigner.getDefaultTrigger();
    }

    /** Replaces the assigner's default trigger. */
    public WindowedStream<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = trigger;
        return this;
    }

    /** How long after its end an event-time window still takes late records (and emits again for each). */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("The allowed lateness must not be negative: " + lateness);
        }
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    @Deprecated
    public WindowedStream<T, K, W> allowedLateness(io.freshet.streaming.api.windowing.time.Time lateness) {
        return allowedLateness(lateness.toDuration());
    }

    /** Sends records that arrive after their windows closed to a side output instead of dropping them. */
    public WindowedStream<T, K, W> sideOutputLateData(io.freshet.util.OutputTag<T> outputTag) {
        this.lateDataOutputTag = java.util.Objects.requireNonNull(outputTag, "outputTag");
        return this;
    }

    /**
     * Evicts elements from a window when it fires. The window then keeps all its elements: {@code reduce} and
     * {@code aggregate} run over what the evictor leaves, when the window fires, instead of as elements arrive.
     */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = java.util.Objects.requireNonNull(evictor, "the Evictor of evictor(...)");
        return this;
    }

    // ---- window functions ----

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return build("Window(" + windowAssigner + ", " + trigger + ", reduce)", input.getType(),
                WindowContents.reducing(clean(function)), InternalWindowFunction.passThrough());
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            WindowFunction<T, R, K, W> function) {
        TypeInformation<R> type = windowFunctionType(function, WindowFunction.class, input.getType());
        return build("Window(" + windowAssigner + ", reduce, apply)", type,
                WindowContents.reducing(clean(reduceFunction)), InternalWindowFunction.of(clean(function)));
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reduceFunction,
            ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> type = windowFunctionType(function, ProcessWindowFunction.class, input.getType());
        return build("Window(" + windowAssigner + ", reduce, process)", type,
                WindowContents.reducing(clean(reduceFunction)), InternalWindowFunction.of(clean(function)));
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        TypeInformation<R> type = TypeExtractor.getAggregateFunctionReturnType(function, input.getType(),
                DataStream.functionName(function), true);
        return build("Window(" + windowAssigner + ", aggregate)", type, WindowContents.aggregating(clean(function)),
                InternalWindowFunction.passThrough());
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            WindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<V> aggregateType = TypeExtractor.getAggregateFunctionReturnType(aggregateFunction,
                input.getType(), DataStream.functionName(aggregateFunction), true);
        TypeInformation<R> type = windowFunctionType(windowFunction, WindowFunction.class, aggregateType);
        return build("Window(" + windowAssigner + ", aggregate, apply)", type,
                WindowContents.aggregating(clean(aggregateFunction)), InternalWindowFunction.of(clean(windowFunction)));
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> aggregateFunction,
            ProcessWindowFunction<V, R, K, W> windowFunction) {
        TypeInformation<V> aggregateType = TypeExtractor.getAggregateFunctionReturnType(aggregateFunction,
                input.getType(), DataStream.functionName(aggregateFunction), true);
        TypeInformation<R> type = windowFunctionType(windowFunction, ProcessWindowFunction.class, aggregateType);
        return build("Window(" + windowAssigner + ", aggregate, process)", type,
                WindowContents.aggregating(clean(aggregateFunction)), InternalWindowFunction.of(clean(windowFunction)));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        TypeInformation<R> type = windowFunctionType(function, WindowFunction.class, input.getType());
        return build("Window(" + windowAssigner + ", apply)", type, (WindowContents) WindowContents.listing(),
                InternalWindowFunction.of(clean(function)));
    }

    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function, TypeInformation<R> resultType) {
        return build("Window(" + windowAssigner + ", apply)", resultType, (WindowContents) WindowContents.listing(),
                InternalWindowFunction.of(clean(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        TypeInformation<R> type = windowFunctionType(function, ProcessWindowFunction.class, input.getType());
        return build("Window(" + windowAssigner + ", process)", type, (WindowContents) WindowContents.listing(),
                InternalWindowFunction.of(clean(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return build("Window(" + windowAssigner + ", process)", resultType, (WindowContents) WindowContents.listing(),
                InternalWindowFunction.of(clean(function)));
    }

    // ---- built-in aggregations ----

    public SingleOutputStreamOperator<T> sum(int positionToSum) {
        return reduce(new SumAggregator<>(positionToSum, input.getType(), serializer()));
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return reduce(new SumAggregator<>(field, input.getType(), serializer()));
    }

    public SingleOutputStreamOperator<T> min(int positionToMin) {
        return reduce(new ComparableAggregator<>(positionToMin, input.getType(), AggregationType.MIN, false,
                serializer()));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return reduce(new ComparableAggregator<>(field, input.getType(), AggregationType.MIN, false, serializer()));
    }

    public SingleOutputStreamOperator<T> max(int positionToMax) {
        return reduce(new ComparableAggregator<>(positionToMax, input.getType(), AggregationType.MAX, false,
                serializer()));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return reduce(new ComparableAggregator<>(field, input.getType(), AggregationType.MAX, false, serializer()));
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return reduce(new ComparableAggregator<>(position, input.getType(), AggregationType.MINBY, true,
                serializer()));
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return reduce(new ComparableAggregator<>(field, input.getType(), AggregationType.MINBY, true, serializer()));
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return reduce(new ComparableAggregator<>(position, input.getType(), AggregationType.MAXBY, true,
                serializer()));
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return reduce(new ComparableAggregator<>(field, input.getType(), AggregationType.MAXBY, true, serializer()));
    }

    private io.freshet.api.common.typeutils.TypeSerializer<T> serializer() {
        return input.getType().createSerializer(input.getExecutionConfig());
    }

    private <F> F clean(F function) {
        return input.getExecutionEnvironment().clean(function);
    }

    private <R> TypeInformation<R> windowFunctionType(Object function, Class<?> baseClass, TypeInformation<?> inType) {
        try {
            return (TypeInformation<R>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), 1, inType, null);
        } catch (InvalidTypesException e) {
            return (TypeInformation<R>) new MissingTypeInfo(DataStream.functionName(function), e);
        }
    }

    private <ACC, V, R> SingleOutputStreamOperator<R> build(String name, TypeInformation<R> type,
            WindowContents<T, ACC, V> contents, InternalWindowFunction<V, R, K, W> function) {
        WindowOperator<K, T, ACC, V, R, W> operator = new WindowOperator<>(windowAssigner, trigger, contents,
                function, allowedLateness, lateDataOutputTag, evictor);
        return input.transform(evictor == null ? name : name.replace("Window(", "EvictingWindow("), type, operator);
    }

    /** Applies a window function of the engine's own (window joins and coGroups), over all elements. */
    <R> SingleOutputStreamOperator<R> apply(String name, InternalWindowFunction<T, R, K, W> function,
            TypeInformation<R> resultType) {
        return build(name, resultType, (WindowContents) WindowContents.listing(), function);
    }
}
