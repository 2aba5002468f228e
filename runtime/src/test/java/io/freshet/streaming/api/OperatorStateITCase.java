package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;
import io.freshet.streaming.api.DataStreamITCase.CollectSink;
import io.freshet.streaming.api.checkpoint.CheckpointedFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;

/**
 * Functions that implement {@code CheckpointedFunction} get their state set up before {@code open}: operator list
 * state, union list state and broadcast state per instance, and keyed state on keyed streams.
 */
class OperatorStateITCase {

    /** Emits 0..9 per instance, keeping its position in operator list state, as a rewindable source does. */
    static final class PositionedSource extends RichParallelSourceFunction<String> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> position;
        private transient boolean initializedBeforeOpen;
        private volatile boolean running = true;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            assertThat(context.isRestored()).isFalse();
            assertThat(context.getKeyedStateStore()).as("a source is not keyed").isNull();
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Long.class));
            assertThat(position.get()).isEmpty();
            position.add(0L);
            initializedBeforeOpen = true;
        }

        @Override
        public void open(io.freshet.configuration.Configuration parameters) {
            assertThat(initializedBeforeOpen).as("initializeState runs before open").isTrue();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}

        @Override
        public void run(SourceContext<String> ctx) throws Exception {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            while (running) {
                long next = position.get().iterator().next();
                if (next == 10) {
                    return;
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(subtask + ":" + next);
                    position.update(List.of(next + 1));
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Counts per key in keyed state reached through the initialization context; union list and broadcast state too. */
    static final class CountingMap extends RichMapFunction<String, String> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Integer> count;
        private transient ListState<String> seen;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            count = context.getKeyedStateStore().getState(new ValueStateDescriptor<>("count", Integer.class));
            seen = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>("seen", String.class));
            context.getOperatorStateStore().getBroadcastState(new MapStateDescriptor<>("config", Types.STRING,
                    Types.STRING)).put("mode", "test");
            assertThat(context.getOperatorStateStore().getRegisteredStateNames()).containsExactly("seen");
            assertThat(context.getOperatorStateStore().getRegisteredBroadcastStateNames()).containsExactly("config");
            assertThatThrownBy(() -> context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("seen", String.class))).hasMessageContaining("union list");
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}

        @Override
        public String map(String value) throws Exception {
            count.update(count.value() == null ? 1 : count.value() + 1);
            seen.add(value);
            return value.substring(0, 1) + "#" + count.value();
        }
    }

    @Test
    void checkpointedFunctionsRegisterTheirStateBeforeTheyOpen() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectSink<String> sink = new CollectSink<>(UUID.randomUUID().toString());
        env.addSource(new PositionedSource())
                .keyBy(value -> value.substring(0, 1))
                .map(new CountingMap())
                .addSink(sink);
        env.execute("operator state");

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            expected.add("0#" + i);
            expected.add("1#" + i);
        }
        assertThat(sink.results()).containsExactlyInAnyOrderElementsOf(expected);
    }
}
