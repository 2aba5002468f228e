package io.freshet.streaming.api.operators;

import java.util.List;

import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReadOnlyBroadcastState;
import io.freshet.api.common.state.State;
import io.freshet.api.common.state.StateDescriptor;
import io.freshet.runtime.state.KeyedStateFunction;
import io.freshet.streaming.api.TimeDomain;
import io.freshet.streaming.api.TimerService;
import io.freshet.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is keyed (its key's state and timers, the broadcast state
 * read-only), input 2 is broadcast (changes the broadcast state, may visit every key's state).
 */
public class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractTwoInputStreamOperator<IN1, IN2, OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>>
        implements InternalTimerService.Triggerable<KS> {

    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    private transient TimestampedCollector<OUT> collector;
    private transient BroadcastStates states;
    private transient TimerService timerService;
    private transient ReadWriteContext readWriteContext;
    private transient ReadOnlyContextImpl readOnlyContext;
    private transient OnTimerContextImpl onTimerContext;

    public CoBroadcastWithKeyedOperator(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        states = new BroadcastStates(broadcastStateDescriptors, getOperatorStateBackend());
        timerService = new SimpleTimerService(getInternalTimerService(this));
        readWriteContext = new ReadWriteContext(userFunction);
        readOnlyContext = new ReadOnlyContextImpl(userFunction);
        onTimerContext = new OnTimerContextImpl(userFunction);
    }

    @Override
    public void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        readOnlyContext.element = element;
        userFunction.processElement(element.getValue(), readOnlyContext, collector);
        readOnlyContext.element = null;
    }

    @Override
    public void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        readWriteContext.element = element;
        userFunction.processBroadcastElement(element.getValue(), readWriteContext, collector);
        readWriteContext.element = null;
    }

    @Override
    public void onEventTime(InternalTimerService.InternalTimer<KS> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.getTimestamp());
        onTimerContext.fire(timer, TimeDomain.EVENT_TIME);
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
    }

    @Override
    public void onProcessingTime(InternalTimerService.InternalTimer<KS> timer) throws Exception {
        collector.eraseTimestamp();
        onTimerContext.fire(timer, TimeDomain.PROCESSING_TIME);
        userFunction.onTimer(timer.getTimestamp(), onTimerContext, collector);
    }

    private Long timestampOf(StreamRecord<?> element) {
        return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
    }

    private final class ReadWriteContext extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {
        StreamRecord<?> element;

        ReadWriteContext(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.get(stateDescriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception {
            Object store = getKeyedStateStore();
            if (!(store instanceof KeyedStateIterable)) {
                throw new UnsupportedOperationException("This keyed state backend cannot visit every key.");
            }
            ((KeyedStateIterable) store).applyToAllKeys(stateDescriptor,
                    (key, state) -> function.process((KS) key, state));
        }

        @Override
        public Long timestamp() {
            return timestampOf(element);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }
    }

    private class ReadOnlyContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {
        StreamRecord<?> element;

        ReadOnlyContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return new CoBroadcastWithNonKeyedOperator.ReadOnlyView<>(states.get(stateDescriptor));
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }

        @Override
        public Long timestamp() {
            return timestampOf(element);
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }
    }

    private final class OnTimerContextImpl extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        private InternalTimerService.InternalTimer<KS> timer;
        private TimeDomain domain;

        OnTimerContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        void fire(InternalTimerService.InternalTimer<KS> timer, TimeDomain domain) {
            this.timer = timer;
            this.domain = domain;
        }

        @Override
        public TimeDomain timeDomain() {
            return domain;
        }

        @Override
        public KS getCurrentKey() {
            return timer.getKey();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return new CoBroadcastWithNonKeyedOperator.ReadOnlyView<>(states.get(stateDescriptor));
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public Long timestamp() {
            return timer.getTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timer.getTimestamp());
        }

        @Override
        public long currentProcessingTime() {
            return timerService.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timerService.currentWatermark();
        }
    }
}
