package io.freshet.streaming.api.functions.co;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;
import io.freshet.util.Collector;

/** Flat-maps the records of two connected streams, one method per input. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function, Serializable {

    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
