package io.freshet.streaming.api.operators;

import io.freshet.api.common.functions.FilterFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** Forwards the records a {@link FilterFunction} keeps. */
public class StreamFilter<IN> extends AbstractUdfStreamOperator<IN, FilterFunction<IN>>
        implements OneInputStreamOperator<IN, IN> {

    private static final long serialVersionUID = 1L;

    public StreamFilter(FilterFunction<IN> filter) {
        super(filter);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        if (userFunction.filter(element.getValue())) {
            output.collect(element);
        }
    }
}
