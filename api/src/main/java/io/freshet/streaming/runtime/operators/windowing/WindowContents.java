package io.freshet.streaming.runtime.operators.windowing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.ReduceFunction;

/**
 * How a window keeps what it has seen and what it hands to the window function: a running reduce, a running
 * aggregate, or all elements (for window functions that need them all).
 *
 * @param <IN> the elements
 * @param <ACC> what is kept per window
 * @param <R> what the window function gets (one value, or the elements)
 */
public abstract class WindowContents<IN, ACC, R> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Adds an element to the window's accumulator ({@code null} for an empty window) and returns the new one. */
    abstract ACC add(ACC accumulator, IN value) throws Exception;

    /** Merges two accumulators of windows that merged (sessions). */
    abstract ACC merge(ACC first, ACC second) throws Exception;

    /** What the window function sees. */
    abstract Iterable<R> result(ACC accumulator) throws Exception;

    /**
     * What the window function sees for all of {@code values} at once: windows with an evictor keep their elements
     * and compute this when they fire, from the elements the evictor left.
     */
    Iterable<R> resultOf(Iterable<IN> values) throws Exception {
        ACC accumulator = null;
        for (IN value : values) {
            accumulator = add(accumulator, value);
        }
        return accumulator == null ? emptyResult() : result(accumulator);
    }

    /** The result of a window without elements; nothing, unless the contents have a value for it. */
    Iterable<R> emptyResult() throws Exception {
        return java.util.Collections.emptyList();
    }

    /** The user function inside, to open and close with the operator (or null). */
    abstract Function function();

    /** Keeps a running reduce. */
    public static <T> WindowContents<T, T, T> reducing(ReduceFunction<T> reducer) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            T add(T accumulator, T value) throws Exception {
                return accumulator == null ? value : reducer.reduce(accumulator, value);
            }

            @Override
            T merge(T first, T second) throws Exception {
                return reducer.reduce(first, second);
            }

            @Override
            Iterable<T> result(T accumulator) {
                return List.of(accumulator);
            }

            @Override
            Function function() {
                return reducer;
            }
        };
    }

    /** Keeps a running aggregate. */
    public static <T, A, O> WindowContents<T, A, O> aggregating(AggregateFunction<T, A, O> aggregate) {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            A add(A accumulator, T value) {
                return aggregate.add(value, accumulator == null ? aggregate.createAccumulator() : accumulator);
            }

            @Override
            A merge(A first, A second) {
                return aggregate.merge(first, second);
            }

            @Override
            Iterable<O> emptyResult() {
                return java.util.Collections.singletonList(aggregate.getResult(aggregate.createAccumulator()));
            }

            @Override
            Iterable<O> result(A accumulator) {
                return java.util.Collections.singletonList(aggregate.getResult(accumulator));
            }

            @Override
            Function function() {
                return aggregate;
            }
        };
    }

    /** Keeps every element. */
    public static <T> WindowContents<T, ArrayList<T>, T> listing() {
        return new WindowContents<>() {
            private static final long serialVersionUID = 1L;

            @Override
            ArrayList<T> add(ArrayList<T> accumulator, T value) {
                ArrayList<T> list = accumulator == null ? new ArrayList<>() : accumulator;
                list.add(value);
                return list;
            }

            @Override
            ArrayList<T> merge(ArrayList<T> first, ArrayList<T> second) {
                first.addAll(second);
                return first;
            }

            @Override
            Iterable<T> result(ArrayList<T> accumulator) {
                return accumulator;
            }

            @Override
            Iterable<T> resultOf(Iterable<T> values) {
                return values;
            }

            @Override
            Function function() {
                return null;
            }
        };
    }
}
