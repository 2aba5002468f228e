package io.freshet.streaming.runtime.operators.windowing;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;
import io.freshet.streaming.api.functions.windowing.AllWindowFunction;
import io.freshet.streaming.api.functions.windowing.ProcessAllWindowFunction;
import io.freshet.streaming.api.functions.windowing.ProcessWindowFunction;
import io.freshet.streaming.api.functions.windowing.WindowFunction;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/** The last step of a window: the user's window function, or passing the window's value on. */
public abstract class InternalWindowFunction<IN, OUT, K, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The times a process window function may ask for. */
    interface TimeContext {
        long currentProcessingTime();

        long currentWatermark();
    }

    abstract void process(K key, W window, TimeContext time, Iterable<IN> input, Collector<OUT> out) throws Exception;

    /** The user function inside, to open and close with the operator (or null). */
    abstract Function function();

    /** Emits the window's values as they are (reduce, aggregate without a window function). */
    public static <T, K, W extends Window> InternalWindowFunction<T, T, K, W> passThrough() {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<T> input, Collector<T> out) {
                for (T value : input) {
                    out.collect(value);
                }
            }

            @Override
            Function function() {
                return null;
            }
        };
    }

    public static <I, O, K, W extends Window> InternalWindowFunction<I, O, K, W> of(WindowFunction<I, O, K, W> function) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<I> input, Collector<O> out) throws Exception {
                function.apply(key, window, input, out);
            }

            @Override
            Function function() {
                return function;
            }
        };
    }

    public static <I, O, K, W extends Window> InternalWindowFunction<I, O, K, W> of(
            ProcessWindowFunction<I, O, K, W> function) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<I> input, Collector<O> out) throws Exception {
                function.process(key, function.new Context() {
                    @Override
                    public W window() {
                        return window;
                    }

                    @Override
                    public long currentProcessingTime() {
                        return time.currentProcessingTime();
                    }

                    @Override
                    public long currentWatermark() {
                        return time.currentWatermark();
                    }
                }, input, out);
            }

            @Override
            Function function() {
                return function;
            }
        };
    }

    /**
     * Runs {@code adapter}, an engine-made window function around {@code userFunction} (window joins), and opens
     * and closes {@code userFunction} with the operator.
     */
    public static <I, O, K, W extends Window> InternalWindowFunction<I, O, K, W> wrapping(
            WindowFunction<I, O, K, W> adapter, Function userFunction) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<I> input, Collector<O> out) throws Exception {
                adapter.apply(key, window, input, out);
            }

            @Override
            Function function() {
                return userFunction;
            }
        };
    }

    public static <I, O, K, W extends Window> InternalWindowFunction<I, O, K, W> ofAll(
            AllWindowFunction<I, O, W> function) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<I> input, Collector<O> out) throws Exception {
                function.apply(window, input, out);
            }

            @Override
            Function function() {
                return function;
            }
        };
    }

    public static <I, O, K, W extends Window> InternalWindowFunction<I, O, K, W> ofAll(
            ProcessAllWindowFunction<I, O, W> function) {
        return new InternalWindowFunction<>() {
            private static final long serialVersionUID = 1L;

            @Override
            void process(K key, W window, TimeContext time, Iterable<I> input, Collector<O> out) throws Exception {
                function.process(function.new Context() {
                    @Override
                    public W window() {
                        return window;
                    }
                }, input, out);
            }

            @Override
            Function function() {
                return function;
            }
        };
    }
}
