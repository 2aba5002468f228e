package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** Hands every record to a {@link SinkFunction}. */
@SuppressWarnings("deprecation")
public class StreamSink<IN> extends AbstractUdfStreamOperator<Object, SinkFunction<IN>>
        implements OneInputStreamOperator<IN, Object> {

    private static final long serialVersionUID = 1L;

    private transient SinkContext context;
    private transient long currentWatermark = Long.MIN_VALUE;

    public StreamSink(SinkFunction<IN> sinkFunction) {
        super(sinkFunction);
    }

    @Override
    public void open() throws Exception {
        super.open();
        context = new SinkContext();
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.element = element;
        userFunction.invoke(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.getTimestamp();
        userFunction.writeWatermark(new io.freshet.api.common.eventtime.Watermark(mark.getTimestamp()));
    }

    @Override
    public void finish() throws Exception {
        super.finish();
        userFunction.finish();
    }

    private final class SinkContext implements SinkFunction.Context {
        StreamRecord<IN> element;

        @Override
        public Long timestamp() {
            return element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }
    }
}
