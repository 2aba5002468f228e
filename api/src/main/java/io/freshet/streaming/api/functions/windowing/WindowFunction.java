package io.freshet.streaming.api.functions.windowing;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/** Computes the results of one window of one key from its elements. */
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function, Serializable {

    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
