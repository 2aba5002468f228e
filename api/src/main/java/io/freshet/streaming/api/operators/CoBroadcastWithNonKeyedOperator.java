package io.freshet.streaming.api.operators;

import java.util.List;

import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReadOnlyBroadcastState;
import io.freshet.streaming.api.functions.co.BroadcastProcessFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/** Runs a {@link BroadcastProcessFunction}: input 1 reads the broadcast state, input 2 (broadcast) changes it. */
public class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractTwoInputStreamOperator<IN1, IN2, OUT, BroadcastProcessFunction<IN1, IN2, OUT>> {

    private static final long serialVersionUID = 1L;

    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    private transient TimestampedCollector<OUT> collector;
    private transient BroadcastStates states;
    private transient ReadWriteContext readWriteContext;
    private transient ReadOnlyContextImpl readOnlyContext;

    public CoBroadcastWithNonKeyedOperator(BroadcastProcessFunction<IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        super(function);
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    @Override
    public void open() throws Exception {
        super.open();
        collector = new TimestampedCollector<>(output);
        states = new BroadcastStates(broadcastStateDescriptors, getOperatorStateBackend());
        readWriteContext = new ReadWriteContext(userFunction);
        readOnlyContext = new ReadOnlyContextImpl(userFunction);
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

    private Long timestampOf(StreamRecord<?> element) {
        return element != null && element.hasTimestamp() ? element.getTimestamp() : null;
    }

    private final class ReadWriteContext extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        StreamRecord<?> element;

        ReadWriteContext(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return states.get(stateDescriptor);
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
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithNonKeyedOperator.this.currentWatermark();
        }
    }

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        StreamRecord<?> element;

        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
            return new ReadOnlyView<>(states.get(stateDescriptor));
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
            return getProcessingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return CoBroadcastWithNonKeyedOperator.this.currentWatermark();
        }
    }

    /** Reading only: {@code clear()} of the read-only side is refused. */
    static final class ReadOnlyView<K, V> implements ReadOnlyBroadcastState<K, V> {
        private final BroadcastState<K, V> state;

        ReadOnlyView(BroadcastState<K, V> state) {
            this.state = state;
        }

        @Override
        public V get(K key) throws Exception {
            return state.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return state.contains(key);
        }

        @Override
        public Iterable<java.util.Map.Entry<K, V>> immutableEntries() throws Exception {
            return state.immutableEntries();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("The broadcast state is read-only for the non-broadcast side:"
                    + " change it in processBroadcastElement.");
        }
    }
}
