package io.freshet.streaming.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.freshet.api.common.state.CheckpointListener;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;
import io.freshet.streaming.api.checkpoint.CheckpointedFunction;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;
import io.freshet.util.Collector;

/**
 * The pieces of the keyed counting job that checkpoint tests run through injected failures: a rewindable source, a
 * keyed count-and-sum function that fails its task on request, a sink keeping the latest result per key, and the
 * check that the final results are exact. Their observations are static (the job runs in the test's JVM): call
 * {@link #reset} before each test.
 */
public final class CountingJob {

    /** The latest (count, sum) per key; within an attempt a key's count only grows. */
    public static final Map<Integer, long[]> RESULTS = new ConcurrentHashMap<>();
    public static final AtomicInteger FAILURES = new AtomicInteger();
    public static final AtomicInteger COMPLETED_NOTIFICATIONS = new AtomicInteger();
    public static final AtomicInteger RESTORED_SOURCES = new AtomicInteger();
    /** How many failures {@link CountingFunction} injects. */
    public static volatile int failuresToInject;

    private CountingJob() {}

    public static void reset(int failures) {
        RESULTS.clear();
        FAILURES.set(0);
        COMPLETED_NOTIFICATIONS.set(0);
        RESTORED_SOURCES.set(0);
        failuresToInject = failures;
    }

    /**
     * Emits 0..records-1 per subtask, its position in operator state; slow enough for several checkpoints, slower
     * while failures remain to be injected (so the input cannot run out before them).
     */
    public static final class RewindableSource extends RichParallelSourceFunction<Long>
            implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final long records;
        private transient ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;

        public RewindableSource(long records) {
            this.records = records;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("position", Long.class));
            for (Long restored : positionState.get()) {
                position = restored;
            }
            if (context.isRestored()) {
                RESTORED_SOURCES.incrementAndGet();
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            positionState.update(List.of(position));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            while (running && position < records) {
                synchronized (ctx.getCheckpointLock()) {
                    for (int i = 0; i < 50 && position < records; i++) {
                        ctx.collect(position++);
                    }
                }
                Thread.sleep(FAILURES.get() < failuresToInject ? 5 : 2);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /**
     * Counts and sums per key in keyed state, emitting the running (key, count, sum); fails its task while failures
     * remain to be injected, once it saw two checkpoints complete and 500 records in this attempt (subtask 0 only, so
     * that each failure is a restart of its own).
     */
    public static final class CountingFunction extends KeyedProcessFunction<Integer, Long, Tuple3<Integer, Long, Long>>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;
        private transient int seen;
        private transient int checkpointsCompleted;

        @Override
        public void open(io.freshet.api.common.functions.OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Integer, Long, Long>> out)
                throws Exception {
            long newCount = (count.value() == null ? 0 : count.value()) + 1;
            long newSum = (sum.value() == null ? 0 : sum.value()) + value;
            count.update(newCount);
            sum.update(newSum);
            out.collect(Tuple3.of(ctx.getCurrentKey(), newCount, newSum));
            boolean firstSubtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
            if (++seen > 500 && checkpointsCompleted >= 2 && firstSubtask && FAILURES.get() < failuresToInject) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES.get());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointsCompleted++;
            COMPLETED_NOTIFICATIONS.incrementAndGet();
        }
    }

    /** Keeps the latest result per key (restarts replay results already seen: the latest is what counts). */
    public static final class LatestSink implements SinkFunction<Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Integer, Long, Long> value, Context context) {
            RESULTS.merge(value.f0, new long[] {value.f1, value.f2},
                    (old, fresh) -> fresh[0] >= old[0] ? fresh : old);
        }
    }

    /** Each of {@code keys} keys (value % keys) has the count and sum of 0..total-1, each number seen {@code copies} times. */
    public static void assertExactResults(int keys, long total, int copies) {
        assertThat(RESULTS).hasSize(keys);
        for (int key = 0; key < keys; key++) {
            long count = 0;
            long sum = 0;
            for (long value = key; value < total; value += keys) {
                count += copies;
                sum += value * copies;
            }
            assertThat(RESULTS.get(key)).as("count and sum of key %d", key).containsExactly(count, sum);
        }
    }
}
