package io.freshet.streaming.api.datastream;

import java.util.concurrent.TimeUnit;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.java.typeutils.MissingTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;
import io.freshet.streaming.api.functions.async.AsyncFunction;
import io.freshet.streaming.api.operators.AsyncWaitOperator;

/**
 * Asynchronous I/O: applies an {@link AsyncFunction} with up to {@code capacity} requests in flight per parallel
 * instance, each failing after {@code timeout}. {@code orderedWait} emits results in the order of the inputs,
 * {@code unorderedWait} as they complete (never across a watermark).
 */
public class AsyncDataStream {

    /** Requests in flight per parallel instance when no capacity is given (Flink's default). */
    private static final int DEFAULT_QUEUE_CAPACITY = 100;

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, false);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> unorderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, false);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit, int capacity) {
        return addOperator(in, func, timeUnit.toMillis(timeout), capacity, true);
    }

    public static <IN, OUT> SingleOutputStreamOperator<OUT> orderedWait(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeout, TimeUnit timeUnit) {
        return addOperator(in, func, timeUnit.toMillis(timeout), DEFAULT_QUEUE_CAPACITY, true);
    }

    @SuppressWarnings("unchecked")
    private static <IN, OUT> SingleOutputStreamOperator<OUT> addOperator(DataStream<IN> in,
            AsyncFunction<IN, OUT> func, long timeoutMillis, int capacity, boolean ordered) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("The capacity of an async operator must be positive, not " + capacity
                    + ".");
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("The timeout of an async operator must not be negative, not "
                    + timeoutMillis + " ms (0 means none).");
        }
        TypeInformation<OUT> outType;
        try {
            outType = (TypeInformation<OUT>) TypeExtractor.createTypeInfo(AsyncFunction.class, func.getClass(), 1,
                    in.getType(), null);
        } catch (InvalidTypesException e) {
            outType = (TypeInformation<OUT>) new MissingTypeInfo(DataStream.functionName(func), e);
        }
        return in.transform(ordered ? "async wait operator" : "async wait operator", outType,
                new AsyncWaitOperator<>(in.getExecutionEnvironment().clean(func), timeoutMillis, capacity, ordered));
    }
}
