package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.functions.co.CoMapFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** Runs a {@link CoMapFunction}. */
public class CoStreamMap<IN1, IN2, OUT> extends AbstractTwoInputStreamOperator<IN1, IN2, OUT, CoMapFunction<IN1, IN2, OUT>> {

    private static final long serialVersionUID = 1L;

    public CoStreamMap(CoMapFunction<IN1, IN2, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        output.collect(element.replace(userFunction.map1(element.getValue())));
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        output.collect(element.replace(userFunction.map2(element.getValue())));
    }
}
