package io.freshet.streaming.api.functions.co;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;

/** Maps the records of two connected streams to one output type, one method per input. */
public interface CoMapFunction<IN1, IN2, OUT> extends Function, Serializable {

    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}
