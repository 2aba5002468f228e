package io.freshet.streaming.api.functions.windowing;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/** Computes the results of one window of a non-keyed stream ({@code windowAll}). */
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function, Serializable {

    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
