package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.TimerService;
import io.freshet.streaming.api.functions.co.CoProcessFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/** Runs a {@link CoProcessFunction} on non-keyed connected streams (no timers: they need a key). */
public class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractTwoInputStreamOperator<IN1, IN2, OUT, CoProcessFunction<IN1, IN2, OUT>> {

    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;

    public CoProcessOperator(CoProcessFunction<IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        context = new ContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement1(element.getValue(), context, collector);
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement2(element.getValue(), context, collector);
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context implements TimerService {
        StreamRecord<?> element;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return this;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoProcessOperator.this.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
        }
    }
}
