package io.freshet.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.JobClient;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;
import io.freshet.streaming.api.checkpoint.CheckpointedFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.functions.source.RichSourceFunction;
import io.freshet.util.Collector;

/**
 * Savepoints: a running job takes one and stops; the same program started from it (with its keyed operator at another
 * parallelism) goes on where the first stopped, and ends with exactly the counts of an uninterrupted run. State of
 * operators the new program lacks is refused unless allowed.
 */
class SavepointITCase {

    private static final int TOTAL = 6_000;
    private static final int PAUSE_AT = 2_000;
    private static final int KEYS = 12;

    static final Map<Integer, long[]> RESULTS = new ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicLong SEEN = new java.util.concurrent.atomic.AtomicLong();
    static volatile boolean released;

    @BeforeEach
    void reset() {
        RESULTS.clear();
        SEEN.set(0);
        released = false;
    }

    /** Emits 0..TOTAL-1, its position in operator state; waits at PAUSE_AT until released (outside the lock). */
    static final class PausingSource extends RichSourceFunction<Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;
        /** Whether the source waits for cancellation after its last record instead of ending. */
        private final boolean waitAtEnd;

        PausingSource() {
            this(false);
        }

        PausingSource(boolean waitAtEnd) {
            this.waitAtEnd = waitAtEnd;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(
                    new ListStateDescriptor<>("position", Long.class));
            for (Long restored : positionState.get()) {
                position = restored;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            positionState.update(List.of(position));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            while (running && position < TOTAL) {
                if (position >= PAUSE_AT && !released) {
                    Thread.sleep(1);
                    continue;
                }
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(position++);
                }
            }
            while (running && waitAtEnd) {
                Thread.sleep(1);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Running count and sum per key, in keyed state. */
    static final class Counting extends KeyedProcessFunction<Integer, Long, Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<long[]> countAndSum;

        @Override
        public void open(io.freshet.api.common.functions.OpenContext openContext) {
            countAndSum = getRuntimeContext().getState(new ValueStateDescriptor<>("countAndSum", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Integer, Long, Long>> out)
                throws Exception {
            long[] current = countAndSum.value() == null ? new long[2] : countAndSum.value();
            long[] next = {current[0] + 1, current[1] + value};
            countAndSum.update(next);
            out.collect(Tuple3.of(ctx.getCurrentKey(), next[0], next[1]));
        }
    }

    /**
     * Counts and sums per key, and reports them only when event time ends (a timer at the end of time): a drain
     * makes it report, a stop without drain does not.
     */
    static final class CountAtEndOfTime extends KeyedProcessFunction<Integer, Long, Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<long[]> countAndSum;

        @Override
        public void open(io.freshet.api.common.functions.OpenContext openContext) {
            countAndSum = getRuntimeContext().getState(new ValueStateDescriptor<>("countAndSum", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Integer, Long, Long>> out)
                throws Exception {
            long[] current = countAndSum.value() == null ? new long[2] : countAndSum.value();
            countAndSum.update(new long[] {current[0] + 1, current[1] + value});
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            SEEN.incrementAndGet();
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Tuple3<Integer, Long, Long>> out)
                throws Exception {
            long[] result = countAndSum.value();
            out.collect(Tuple3.of(ctx.getCurrentKey(), result[0], result[1]));
        }
    }

    static final class LatestSink implements SinkFunction<Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Integer, Long, Long> value, Context context) {
            RESULTS.merge(value.f0, new long[] {value.f1, value.f2}, (old, fresh) -> fresh[0] >= old[0] ? fresh : old);
        }
    }

    private static StreamExecutionEnvironment program(Configuration configuration, int countParallelism,
            String countUid) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(countParallelism);
        env.setMaxParallelism(64);
        env.addSource(new PausingSource()).uid("numbers").setParallelism(1)
                .keyBy(value -> (int) (value % KEYS))
                .process(new Counting()).uid(countUid)
                .addSink(new LatestSink()).uid("sink");
        return env;
    }

    private static long processed() {
        return RESULTS.values().stream().mapToLong(result -> result[0]).sum();
    }

    private static StreamExecutionEnvironment eventTimeProgram(Configuration configuration) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(2);
        env.setMaxParallelism(64);
        env.addSource(new PausingSource(true)).uid("numbers").setParallelism(1)
                .assignTimestampsAndWatermarks(io.freshet.api.common.eventtime.WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((value, previous) -> value)).uid("timestamps")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountAtEndOfTime()).uid("count")
                .addSink(new LatestSink()).uid("sink");
        return env;
    }

    private static void awaitSeen(long records) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (SEEN.get() < records && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(SEEN.get()).as("records counted").isEqualTo(records);
    }

    /**
     * {@code stop} suspends: the job ends FINISHED with no end-of-time watermark (the timers at the end of time do not
     * fire); {@code stop --drain} on the job restored from that savepoint fires them before its savepoint, with the
     * counts of both runs.
     */
    @Test
    void stopSuspendsAndStopWithDrainEndsEventTime(@TempDir File savepoints) throws Exception {
        JobClient first = eventTimeProgram(new Configuration()).executeAsync("stopped without drain");
        awaitSeen(PAUSE_AT);
        String suspended = first.stopWithSavepoint(false, savepoints.toURI().toString()).get(30, TimeUnit.SECONDS);
        first.getJobExecutionResult().get(30, TimeUnit.SECONDS); // FINISHED: no exception
        assertThat(RESULTS).as("no timer at the end of time fired").isEmpty();

        released = true;
        Configuration restore = new Configuration();
        restore.setString("execution.state-recovery.path", suspended);
        JobClient second = eventTimeProgram(restore).executeAsync("stopped with drain");
        awaitSeen(TOTAL);
        String drained = second.stopWithSavepoint(true, savepoints.toURI().toString()).get(30, TimeUnit.SECONDS);
        second.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertThat(drained).isNotEqualTo(suspended);
        assertThat(RESULTS).hasSize(KEYS);
        for (int key = 0; key < KEYS; key++) {
            long count = 0;
            long sum = 0;
            for (long value = key; value < TOTAL; value += KEYS) {
                count++;
                sum += value;
            }
            assertThat(RESULTS.get(key)).as("count and sum of key %d at the end of time", key)
                    .containsExactly(count, sum);
        }
    }

    /** A stop whose savepoint cannot be written fails, naming the directory, and the job goes on as before. */
    @Test
    void aStopWhoseSavepointFailsLeavesTheJobRunning(@TempDir File savepoints) throws Exception {
        File notADirectory = new File(savepoints, "a-file");
        Files.writeString(notADirectory.toPath(), "not a directory");
        JobClient job = eventTimeProgram(new Configuration()).executeAsync("stop fails");
        awaitSeen(PAUSE_AT);
        assertThatThrownBy(() -> job.stopWithSavepoint(false, notADirectory.toURI().toString())
                .get(30, TimeUnit.SECONDS)).hasStackTraceContaining("could not write savepoint")
                .hasStackTraceContaining("a-file");
        assertThat(job.getJobStatus().get(30, TimeUnit.SECONDS)).isEqualTo(io.freshet.api.common.JobStatus.RUNNING);

        released = true;
        awaitSeen(TOTAL); // the source went on after the failed stop
        job.stopWithSavepoint(true, savepoints.toURI().toString()).get(30, TimeUnit.SECONDS);
        job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertThat(RESULTS).hasSize(KEYS);
    }

    /** Runs the program until the source pauses, takes a savepoint and stops; returns the savepoint's path. */
    private static String runUntilPauseAndStop(File savepoints) throws Exception {
        // checkpoints go to files (tasks write their keyed state there); a savepoint is whole in its _metadata
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", new File(savepoints, "checkpoints").toURI().toString());
        JobClient first = program(configuration, 2, "count").executeAsync("before the savepoint");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (processed() < PAUSE_AT && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(processed()).as("every record before the pause was counted").isEqualTo(PAUSE_AT);
        String path = first.stopWithSavepoint(false, savepoints.toURI().toString()).get(30, TimeUnit.SECONDS);
        first.getJobExecutionResult().get(30, TimeUnit.SECONDS); // a stopped job ends FINISHED
        return path;
    }

    @Test
    void aStoppedJobGoesOnFromItsSavepointAtAnotherParallelism(@TempDir File savepoints) throws Exception {
        String path = runUntilPauseAndStop(savepoints);
        assertThat(path).contains("savepoint-");
        assertThat(new File(new File(java.net.URI.create(path)), "_metadata")).exists();
        io.freshet.runtime.checkpoint.CompletedCheckpoint savepoint = CheckpointMetadataStorage.read(path,
                getClass().getClassLoader());
        assertThat(savepoint.isSavepoint()).isTrue();
        assertThat(new File(java.net.URI.create(path)).list()).as("a self-contained savepoint")
                .containsExactly("_metadata");
        assertThat(savepoint.getAllTaskStates().values().stream().flatMap(m -> m.values().stream())
                .flatMap(state -> state.getSubtaskStateMappings().values().stream())
                .map(io.freshet.runtime.checkpoint.OperatorSubtaskState::getKeyedState)
                .filter(java.util.Objects::nonNull)).isNotEmpty()
                .allSatisfy(handle -> assertThat(handle.getFile()).as("keyed state file").isNull());

        released = true;
        Configuration restore = new Configuration();
        restore.setString("execution.state-recovery.path", path);
        program(restore, 3, "count").execute("after the savepoint, rescaled to 3");

        assertThat(RESULTS).hasSize(KEYS);
        for (int key = 0; key < KEYS; key++) {
            long count = 0;
            long sum = 0;
            for (long value = key; value < TOTAL; value += KEYS) {
                count++;
                sum += value;
            }
            assertThat(RESULTS.get(key)).as("count and sum of key %d", key).containsExactly(count, sum);
        }
    }

    @Test
    void stateNoOperatorClaimsIsRefusedUnlessAllowed(@TempDir File savepoints) throws Exception {
        String path = runUntilPauseAndStop(savepoints);
        released = true;
        Configuration restore = new Configuration();
        restore.setString("execution.state-recovery.path", path);
        assertThatThrownBy(() -> program(restore, 2, "renamed-count").execute("renamed"))
                .hasStackTraceContaining("holds state of operators this job does not have")
                .hasStackTraceContaining("--allowNonRestoredState");

        RESULTS.clear();
        restore.setString("execution.state-recovery.ignore-unclaimed-state", "true");
        program(restore, 2, "renamed-count").execute("renamed, state dropped");
        // the source went on from its position; the renamed operator started empty
        assertThat(processed()).isEqualTo(TOTAL - PAUSE_AT);
    }

    @Test
    void aMissingOrBrokenSavepointIsAClearError(@TempDir File directory) throws Exception {
        released = true;
        Configuration restore = new Configuration();
        restore.setString("execution.state-recovery.path", new File(directory, "nothing-here").toURI().toString());
        assertThatThrownBy(() -> program(restore, 2, "count").execute("from nowhere"))
                .hasStackTraceContaining("There is no checkpoint or savepoint at");

        File broken = new File(directory, "broken");
        Files.createDirectories(broken.toPath());
        Files.writeString(new File(broken, "_metadata").toPath(), "garbage");
        restore.setString("execution.state-recovery.path", broken.toURI().toString());
        assertThatThrownBy(() -> program(restore, 2, "count").execute("from garbage"))
                .hasStackTraceContaining("is not the metadata file");
    }
}
