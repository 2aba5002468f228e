package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.TimeDomain;
import io.freshet.streaming.api.TimerService;
import io.freshet.streaming.api.functions.co.KeyedCoProcessFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/** Runs a {@link KeyedCoProcessFunction}: both inputs keyed alike, with the key's state and timers. */
public class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractTwoInputStreamOperator<IN1, IN2, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>>
        implements InternalTimerService.Triggerable<K> {

    private static final long serialVersionUID = 1L;

    private transient TimestampedCollector<OUT> collector;
    private transient ContextImpl context;
    private transient OnTimerContextImpl onTimerContext;

    public KeyedCoProcessOperator(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        TimerService timerService = new SimpleTimerService(getInternalTimerService(this));
        context = new ContextImpl(userFunction, timerService);
        onTimerContext = new OnTimerContextImpl(userFunction, timerService);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement1(element.getValue(), context, collector);
        context.element = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        context.element = element;
        userFunction.processElement2(element.getValue(), context, collector);
        context.element = null;
    }

    @Override
    public void onEventTime(InternalTimerService.InternalTimer<K> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        onTimerContext.fire(timer, TimeDomain.EVENT_TIME);
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
    }

    @Override
    public void onProcessingTime(InternalTimerService.InternalTimer<K> timer) throws Exception {
        collector.eraseTimestamp();
        onTimerContext.fire(timer, TimeDomain.PROCESSING_TIME);
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        private final TimerService timerService;
        StreamRecord<?> element;

        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedCoProcessOperator.this.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        private final TimerService timerService;
        private InternalTimerService.InternalTimer<K> timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        void fire(InternalTimerService.InternalTimer<K> timer, TimeDomain domain) {
            this.timer = timer;
            this.domain = domain;
        }

        @Override
        public Long timestamp() {
            return timer.getTimestamp();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timer.getTimestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return timer.getKey();
        }
    }
}
