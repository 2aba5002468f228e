package io.freshet.streaming.api.datastream;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.functions.windowing.AllWindowFunction;
import io.freshet.streaming.api.functions.windowing.ProcessAllWindowFunction;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.InternalWindowFunction;
import io.freshet.streaming.runtime.operators.windowing.WindowContents;
import io.freshet.streaming.runtime.operators.windowing.WindowOperator;

/**
 * Windows over a whole, non-keyed stream ({@code windowAll}): one window operator instance sees every record
 * (parallelism 1), as in Flink.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class AllWindowedStream<T, W extends Window> {

    private final WindowedStream<T, Byte, W> windowed;
    private final KeyedStream<T, Byte> keyed;
    private final io.freshet.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private long allowedLateness;
    private io.freshet.streaming.api.windowing.evictors.Evictor<? super T, ? super W> evictor;

    public AllWindowedStream(KeyedStream<T, Byte> keyed,
            io.freshet.streaming.api.windowing.assigners.WindowAssigner<? super T, W> assigner) {
        this.keyed = keyed;
        this.assigner = assigner;
        this.windowed = new WindowedStream<>(keyed, assigner);
        this.trigger = assigner.getDefaultTrigger();
    }

    public AllWindowedStream<T, W> trigger(Trigger<? super T, ? super W> trigger) {
        this.trigger = trigger;
        windowed.trigger(trigger);
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(java.time.Duration lateness) {
        windowed.allowedLateness(lateness);
        this.allowedLateness = lateness.toMillis();
        return this;
    }

    /** Evicts elements from a window when it fires; the window then keeps all its elements (see WindowedStream). */
    public AllWindowedStream<T, W> evictor(
            io.freshet.streaming.api.windowing.evictors.Evictor<? super T, ? super W> evictor) {
        windowed.evictor(evictor);
        this.evictor = evictor;
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> function) {
        return windowed.reduce(function).setParallelism(1);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        return windowed.aggregate(function).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> sum(int position) {
        return windowed.sum(position).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> sum(String field) {
        return windowed.sum(field).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> min(int position) {
        return windowed.min(position).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> max(int position) {
        return windowed.max(position).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> minBy(int position) {
        return windowed.minBy(position).setParallelism(1);
    }

    public SingleOutputStreamOperator<T> maxBy(int position) {
        return windowed.maxBy(position).setParallelism(1);
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        return build("AllWindow(" + assigner + ", apply)", type(function, AllWindowFunction.class, 1),
                InternalWindowFunction.ofAll(keyed.getExecutionEnvironment().clean(function)));
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        return build("AllWindow(" + assigner + ", process)", type(function, ProcessAllWindowFunction.class, 1),
                InternalWindowFunction.ofAll(keyed.getExecutionEnvironment().clean(function)));
    }

    private <R> TypeInformation<R> type(Object function, Class<?> baseClass, int position) {
        try {
            return (TypeInformation<R>) TypeExtractor.createTypeInfo(baseClass, function.getClass(), position,
                    keyed.getType(), null);
        } catch (InvalidTypesException e) {
            return (TypeInformation<R>) new MissingTypeInfo(DataStream.functionName(function), e);
        }
    }

    private <R> SingleOutputStreamOperator<R> build(String name, TypeInformation<R> type,
            InternalWindowFunction<T, R, Byte, W> function) {
        WindowOperator<Byte, T, Object, T, R, W> operator = new WindowOperator<>(assigner, trigger,
                (WindowContents) WindowContents.listing(), function, allowedLateness, null, evictor);
        return keyed.transform(name, type, operator).setParallelism(1);
    }
}
