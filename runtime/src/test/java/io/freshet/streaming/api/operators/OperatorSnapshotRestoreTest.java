package io.freshet.streaming.api.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;
import io.freshet.streaming.api.checkpoint.CheckpointedFunction;
import io.freshet.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import io.freshet.streaming.util.KeyedTwoInputOperatorHarness;
import io.freshet.util.Collector;

/**
 * An operator snapshotted for a checkpoint and restored into a fresh instance continues as if nothing happened: keyed
 * state, event-time timers, broadcast state and the function's operator list state come back.
 */
class OperatorSnapshotRestoreTest {

    static final MapStateDescriptor<String, String> RULES = new MapStateDescriptor<>("rules", Types.STRING,
            Types.STRING);

    /**
     * Broadcast records set a rule per key; a keyed record is remembered in keyed state with a timer 10 ms later,
     * which emits the key's value with its rule. Counts the broadcast records it saw in operator list state.
     */
    static final class Function extends KeyedBroadcastProcessFunction<String, String, String, String>
            implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final ValueStateDescriptor<String> lastDescriptor = new ValueStateDescriptor<>("last", String.class);
        private transient ListState<Integer> broadcastsSeen;
        private int broadcasts;
        boolean restored;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            broadcastsSeen = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("broadcasts", Integer.class));
            for (Integer seen : broadcastsSeen.get()) {
                broadcasts = seen;
            }
            restored = context.isRestored();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            broadcastsSeen.update(List.of(broadcasts));
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            ValueState<String> last = getRuntimeContext().getState(lastDescriptor);
            last.update(value);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) throws Exception {
            broadcasts++;
            String[] keyAndRule = value.split("=");
            ctx.getBroadcastState(RULES).put(keyAndRule[0], keyAndRule[1]);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            String value = getRuntimeContext().getState(lastDescriptor).value();
            out.collect(ctx.getCurrentKey() + "@" + timestamp + ":" + value + " rule "
                    + ctx.getBroadcastState(RULES).get(ctx.getCurrentKey()) + " after " + broadcasts + " broadcasts");
        }
    }

    private static KeyedTwoInputOperatorHarness<String, String, String, String> harness(Function function,
            KeyedTwoInputOperatorHarness.Snapshot restoreFrom) throws Exception {
        return new KeyedTwoInputOperatorHarness<>(new CoBroadcastWithKeyedOperator<>(function, List.of(RULES)),
                value -> value.substring(0, 1), value -> value.substring(0, 1), StringSerializer.INSTANCE,
                restoreFrom);
    }

    @Test
    void keyedStateTimersBroadcastAndOperatorStateComeBack() throws Exception {
        KeyedTwoInputOperatorHarness.Snapshot snapshot;
        try (KeyedTwoInputOperatorHarness<String, String, String, String> before = harness(new Function(), null)) {
            before.processElement2("a=strict", 1);
            before.processElement2("b=lax", 2);
            before.processElement1("a1", 100);
            before.processElement1("b7", 200);
            before.processBothWatermarks(150); // a's timer (110) fires before the snapshot
            assertThat(before.takeOutput()).extracting(Object::toString)
                    .containsExactly("a@110:a1 rule strict after 2 broadcasts@110");
            before.processElement1("a2", 300);
            snapshot = before.snapshot(1);
        }
        Function restoredFunction = new Function();
        try (KeyedTwoInputOperatorHarness<String, String, String, String> after = harness(restoredFunction,
                snapshot)) {
            assertThat(restoredFunction.restored).isTrue();
            after.processBothWatermarks(1000);
            assertThat(after.takeOutput()).extracting(Object::toString).containsExactly(
                    "b@210:b7 rule lax after 2 broadcasts@210", "a@310:a2 rule strict after 2 broadcasts@310");
        }
    }

    @Test
    void aStateWhoseTypeChangedIncompatiblyIsRefusedByName() throws Exception {
        KeyedTwoInputOperatorHarness.Snapshot snapshot;
        try (KeyedTwoInputOperatorHarness<String, String, String, String> before = harness(new Function(), null)) {
            before.processElement1("a1", 100);
            snapshot = before.snapshot(1);
        }
        // the same operator, but its "last" state now holds longs
        KeyedBroadcastProcessFunction<String, String, String, String> changed =
                new KeyedBroadcastProcessFunction<>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(String value, ReadOnlyContext ctx, Collector<String> out)
                            throws Exception {
                        getRuntimeContext().getState(new ValueStateDescriptor<>("last", Long.class)).value();
                    }

                    @Override
                    public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}
                };
        try (KeyedTwoInputOperatorHarness<String, String, String, String> after = new KeyedTwoInputOperatorHarness<>(
                new CoBroadcastWithKeyedOperator<>(changed, List.of(RULES)), value -> value.substring(0, 1),
                value -> value.substring(0, 1), StringSerializer.INSTANCE, snapshot)) {
            assertThatThrownBy(() -> after.processElement1("a2", 200))
                    .hasMessageContaining("keyed state 'last'").hasMessageContaining("cannot read");
        }
    }
}
