package io.freshet.streaming.api.operators;

import io.freshet.api.common.functions.MapFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link MapFunction} to every record, keeping its timestamp. */
public class StreamMap<IN, OUT> extends AbstractUdfStreamOperator<OUT, MapFunction<IN, OUT>>
        implements OneInputStreamOperator<IN, OUT> {

    private static final long serialVersionUID = 1L;

    public StreamMap(MapFunction<IN, OUT> mapper) {
        super(mapper);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        output.collect(element.replace(userFunction.map(element.getValue())));
    }
}
