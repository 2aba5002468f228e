package io.freshet.streaming.api;

import static io.freshet.streaming.util.CountingJob.COMPLETED_NOTIFICATIONS;
import static io.freshet.streaming.util.CountingJob.FAILURES;
import static io.freshet.streaming.util.CountingJob.RESTORED_SOURCES;
import static io.freshet.streaming.util.CountingJob.RESULTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.common.state.CheckpointListener;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.CheckpointingMode;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.util.CountingJob;
import io.freshet.streaming.util.CountingJob.CountingFunction;
import io.freshet.streaming.util.CountingJob.LatestSink;
import io.freshet.streaming.util.CountingJob.RewindableSource;

/**
 * Checkpoints make failures invisible in the results: a keyed job whose tasks fail several times, at moments chosen
 * after checkpoints completed, restarts from the latest checkpoint (source positions, keyed state, timers) and ends
 * with exactly the counts and sums of a run without failures.
 */
class CheckpointingITCase {

    private static final int RECORDS_PER_SOURCE = 20_000;
    private static final int KEYS = 10;
    private static final int PARALLELISM = 2;

    private static StreamExecutionEnvironment environment(Configuration extra) {
        Configuration configuration = new Configuration();
        configuration.setString("restart-strategy.type", "fixed-delay");
        configuration.setString("restart-strategy.fixed-delay.attempts", "10");
        configuration.setString("restart-strategy.fixed-delay.delay", "20 ms");
        configuration.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }

    @BeforeEach
    void resetObservations() {
        CountingJob.reset(0);
    }

    private static void runCountingJob(StreamExecutionEnvironment env) throws Exception {
        env.addSource(new RewindableSource(RECORDS_PER_SOURCE)).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).name("count")
                .addSink(new LatestSink()).name("latest");
        env.execute("checkpointed counting");
    }

    private static void assertExactResults() {
        CountingJob.assertExactResults(KEYS, RECORDS_PER_SOURCE, PARALLELISM);
    }

    @Test
    void failuresAfterCheckpointsLeaveExactlyOnceState() throws Exception {
        CountingJob.failuresToInject = 3;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(50, CheckpointingMode.EXACTLY_ONCE);
        runCountingJob(env);

        assertThat(FAILURES.get()).as("every injected failure happened").isEqualTo(3);
        assertThat(RESTORED_SOURCES.get()).as("each restart restored both sources").isEqualTo(3 * PARALLELISM);
        assertThat(COMPLETED_NOTIFICATIONS.get()).isGreaterThanOrEqualTo(2 * PARALLELISM);
        assertExactResults();
    }

    /**
     * Slows the stream down (1 ms every 20 records; every 5 while failures remain to be injected, so the input cannot
     * run out before them), so that checkpoints happen while it flows.
     */
    static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient int seen;

        @Override
        public Long map(Long value) throws Exception {
            if (++seen % (FAILURES.get() < CountingJob.failuresToInject ? 5 : 20) == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    /**
     * Counts {@code numbers} (each of 0..total-1 exactly once) per key through failures, and checks the final counts
     * and sums are exact.
     */
    private static void countExactlyThroughFailures(StreamExecutionEnvironment env,
            io.freshet.streaming.api.datastream.DataStream<Long> numbers, long total) throws Exception {
        numbers.map(new Throttle())
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction())
                .addSink(new LatestSink());
        env.execute("counting through failures");
        assertThat(FAILURES.get()).isEqualTo(CountingJob.failuresToInject);
        CountingJob.assertExactResults(KEYS, total, 1);
    }

    /** Set once the bounded source of {@link #checkpointsGoOnAfterASourceFinished} has emitted all it has. */
    static volatile boolean boundedFinished;
    static final java.util.concurrent.atomic.AtomicInteger COMPLETED_AFTER_BOUNDED =
            new java.util.concurrent.atomic.AtomicInteger();

    /** 1,000,000 .. 1,000,199, with no state: restarted, it would emit them all again. */
    static final class StatelessBoundedSource
            implements io.freshet.streaming.api.functions.source.SourceFunction<Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public void run(SourceContext<Long> ctx) {
            for (long value = 1_000_000; value < 1_000_200; value++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(value);
                }
            }
            boundedFinished = true;
        }

        @Override
        public void cancel() {}
    }

    /** Running count and sum per key in keyed state, emitted per record; {@link #afterRecord} may fail the task. */
    abstract static class CountAndSum extends io.freshet.streaming.api.functions.KeyedProcessFunction<
            Integer, Long, io.freshet.api.java.tuple.Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;
        private transient io.freshet.api.common.state.ValueState<long[]> countAndSum;

        @Override
        public void open(io.freshet.api.common.functions.OpenContext openContext) {
            countAndSum = getRuntimeContext().getState(new io.freshet.api.common.state.ValueStateDescriptor<>(
                    "countAndSum", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx,
                io.freshet.util.Collector<io.freshet.api.java.tuple.Tuple3<Integer, Long, Long>> out) throws Exception {
            long[] current = countAndSum.value() == null ? new long[2] : countAndSum.value();
            long[] next = {current[0] + 1, current[1] + value};
            countAndSum.update(next);
            out.collect(io.freshet.api.java.tuple.Tuple3.of(ctx.getCurrentKey(), next[0], next[1]));
            afterRecord();
        }

        abstract void afterRecord() throws Exception;
    }

    /** Counts like {@link CountingFunction}; fails its task (once per attempt) after three checkpoints completed
     * after the bounded source finished, while failures remain. */
    static final class FailingAfterBoundedEnded extends CountAndSum implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient int completedAfterBounded;

        @Override
        void afterRecord() {
            if (completedAfterBounded >= 3 && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                    && FAILURES.get() < CountingJob.failuresToInject) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES.get());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (boundedFinished) {
                completedAfterBounded++;
                COMPLETED_AFTER_BOUNDED.incrementAndGet();
            }
        }
    }

    /**
     * A source that ends early leaves checkpoints going: it is in them as finished, and a restore (twice here, after
     * it finished) ends it at once instead of running it again, so its records are counted exactly once.
     */
    @Test
    void checkpointsGoOnAfterASourceFinished() throws Exception {
        boundedFinished = false;
        COMPLETED_AFTER_BOUNDED.set(0);
        CountingJob.failuresToInject = 2;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(30);
        env.addSource(new RewindableSource(RECORDS_PER_SOURCE)).name("numbers")
                .union(env.addSource(new StatelessBoundedSource()).name("bounded"))
                .keyBy(value -> (int) (value % KEYS))
                .process(new FailingAfterBoundedEnded()).name("count")
                .addSink(new LatestSink()).name("latest");
        env.execute("a source ends early");

        assertThat(FAILURES.get()).as("failures injected after the bounded source finished").isEqualTo(2);
        assertThat(COMPLETED_AFTER_BOUNDED.get()).isGreaterThanOrEqualTo(6);
        assertThat(RESULTS).hasSize(KEYS);
        for (int key = 0; key < KEYS; key++) {
            long count = 0;
            long sum = 0;
            for (long value = key; value < RECORDS_PER_SOURCE; value += KEYS) {
                count += PARALLELISM;
                sum += value * PARALLELISM;
            }
            for (long value = 1_000_000; value < 1_000_200; value++) {
                if (value % KEYS == key) {
                    count++;
                    sum += value;
                }
            }
            assertThat(RESULTS.get(key)).as("count and sum of key %d", key).containsExactly(count, sum);
        }
    }

    @Test
    void splitSourcesResumeFromTheirCheckpointedSplits() throws Exception {
        CountingJob.failuresToInject = 2;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(30);
        countExactlyThroughFailures(env, env.fromSource(
                new io.freshet.api.connector.source.lib.NumberSequenceSource(0, 29_999),
                io.freshet.api.common.eventtime.WatermarkStrategy.noWatermarks(), "sequence"), 30_000);
    }

    @Test
    void theFileSourceResumesInsideItsFiles(@TempDir File directory) throws Exception {
        int files = 3;
        int linesPerFile = 8_000;
        for (int f = 0; f < files; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < linesPerFile; i++) {
                lines.append(f * linesPerFile + i).append('\n');
            }
            Files.writeString(directory.toPath().resolve("part-" + f + ".txt"), lines);
        }
        CountingJob.failuresToInject = 2;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(30);
        io.freshet.connector.file.src.FileSource<String> source = io.freshet.connector.file.src.FileSource
                .forRecordStreamFormat(new io.freshet.connector.file.src.reader.TextLineInputFormat(),
                        new io.freshet.core.fs.Path(directory.toURI())).build();
        countExactlyThroughFailures(env, env.fromSource(source,
                io.freshet.api.common.eventtime.WatermarkStrategy.noWatermarks(), "files").map(Long::parseLong),
                (long) files * linesPerFile);
    }

    @Test
    void builtInSourcesResumeWhereTheyStood() throws Exception {
        CountingJob.failuresToInject = 1;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(30);
        countExactlyThroughFailures(env, env.fromSequence(0, 29_999), 30_000);
    }

    /**
     * Passes records on; fails its task like {@link CountingFunction} does, or (every other failure) while it is told
     * that a checkpoint completed: then the sink chained after it never hears of that checkpoint, and its
     * committables must be committed by the restore.
     */
    static final class FailingPassThrough extends RichMapFunction<Long, Long> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private transient int seen;
        private transient int checkpointsCompleted;

        private boolean mayFail() {
            boolean firstSubtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
            return seen > 500 && checkpointsCompleted >= 2 && firstSubtask
                    && FAILURES.get() < CountingJob.failuresToInject;
        }

        @Override
        public Long map(Long value) {
            ++seen;
            if (FAILURES.get() % 2 == 1 && mayFail()) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES.get());
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointsCompleted++;
            if (FAILURES.get() % 2 == 0 && mayFail()) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES.get() + " while checkpoint "
                        + checkpointId + " completes");
            }
        }
    }

    @Test
    void theFileSinkCommitsEveryRecordExactlyOnceThroughFailures(@TempDir File output) throws Exception {
        CountingJob.failuresToInject = 2;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(30);
        env.fromSource(new io.freshet.api.connector.source.lib.NumberSequenceSource(0, 29_999),
                        io.freshet.api.common.eventtime.WatermarkStrategy.noWatermarks(), "sequence")
                .map(new Throttle())
                .keyBy(value -> (int) (value % KEYS))
                .map(new FailingPassThrough())
                .sinkTo(io.freshet.connector.file.sink.FileSink.forRowFormat(
                                new io.freshet.core.fs.Path(output.toURI()),
                                new io.freshet.api.common.serialization.SimpleStringEncoder<Long>())
                        .withBucketAssigner(new io.freshet.streaming.api.functions.sink.filesystem.bucketassigners
                                .BasePathBucketAssigner<>())
                        .build());
        env.execute("exactly-once files");

        assertThat(FAILURES.get()).isEqualTo(2);
        List<Long> written = new java.util.ArrayList<>();
        try (var files = Files.list(output.toPath())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().startsWith(".")) {
                    Files.readAllLines(file).forEach(line -> written.add(Long.parseLong(line)));
                }
            }
        }
        java.util.Collections.sort(written);
        assertThat(written).as("every number committed exactly once")
                .isEqualTo(java.util.stream.LongStream.range(0, 30_000).boxed().toList());
    }

    private static List<Long> committedNumbers(File output) throws java.io.IOException {
        List<Long> written = new java.util.ArrayList<>();
        try (var files = Files.list(output.toPath())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().startsWith(".")) {
                    Files.readAllLines(file).forEach(line -> written.add(Long.parseLong(line)));
                }
            }
        }
        java.util.Collections.sort(written);
        return written;
    }

    /**
     * Fails its task once, as soon as it sees every one of {@code expected} numbers committed in {@code output}:
     * right after the sink that wrote them finished.
     */
    static final class FailWhenCommitted extends io.freshet.api.common.functions.RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String output;
        private final int expected;
        private transient long lastLook;

        FailWhenCommitted(File output, int expected) {
            this.output = output.getPath();
            this.expected = expected;
        }

        @Override
        public Long map(Long value) throws Exception {
            long now = System.nanoTime();
            if (FAILURES.get() < CountingJob.failuresToInject && now - lastLook > 5_000_000
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                lastLook = now;
                if (committedNumbers(new File(output)).size() >= expected) {
                    FAILURES.incrementAndGet();
                    throw new IllegalStateException("injected failure right after the sink committed");
                }
            }
            return value;
        }
    }

    /**
     * A two-phase sink whose input ends commits with a final checkpoint taken after the end, not at the end: a task
     * of the same region that fails right after the commit restores that checkpoint, in which the sink's input is
     * done, so nothing is written twice (committing at the end, the restore would replay the input since the last
     * checkpoint into the sink again).
     */
    @Test
    void aSinkWhoseInputEndedCommitsWithAFinalCheckpoint(@TempDir File output) throws Exception {
        CountingJob.failuresToInject = 1;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(200);
        io.freshet.streaming.api.datastream.DataStream<Long> numbers = env.fromSequence(0, 1_999).setParallelism(1);
        numbers.sinkTo(io.freshet.connector.file.sink.FileSink.forRowFormat(
                        new io.freshet.core.fs.Path(output.toURI()),
                        new io.freshet.api.common.serialization.SimpleStringEncoder<Long>())
                .withBucketAssigner(new io.freshet.streaming.api.functions.sink.filesystem.bucketassigners
                        .BasePathBucketAssigner<>())
                .build()).setParallelism(1);
        numbers.union(env.addSource(new RewindableSource(RECORDS_PER_SOURCE / 4)))
                .keyBy(value -> (int) (value % KEYS))
                .map(new FailWhenCommitted(output, 2_000))
                .addSink(new io.freshet.streaming.api.functions.sink.DiscardingSink<>());
        env.execute("final checkpoint");

        assertThat(FAILURES.get()).as("the failure right after the commit happened").isEqualTo(1);
        assertThat(committedNumbers(output)).as("every number committed exactly once")
                .isEqualTo(java.util.stream.LongStream.range(0, 2_000).boxed().toList());
    }

    static final java.util.concurrent.atomic.AtomicInteger DAMAGED_CHECKPOINTS =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Counts like {@link CountingFunction}; once, after three checkpoints completed, it waits until no checkpoint can
     * complete any more (its own task is busy here), damages the keyed state files of every retained checkpoint but
     * the oldest, and fails its task.
     */
    static final class DamageCheckpointsAndFail extends CountAndSum implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String checkpoints;
        private transient int completed;

        DamageCheckpointsAndFail(File checkpoints) {
            this.checkpoints = checkpoints.getPath();
        }

        @Override
        void afterRecord() throws Exception {
            if (completed >= 3 && FAILURES.get() == 0
                    && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
                Thread.sleep(500); // a checkpoint this task acknowledged already completes meanwhile
                List<Path> retained = new java.util.ArrayList<>();
                try (var jobs = Files.list(Path.of(checkpoints))) {
                    for (Path job : jobs.toList()) {
                        try (var chk = Files.list(job)) {
                            chk.filter(dir -> Files.exists(dir.resolve("_metadata"))).forEach(retained::add);
                        }
                    }
                }
                retained.sort(java.util.Comparator.comparingLong(
                        dir -> Long.parseLong(dir.getFileName().toString().substring(4))));
                for (Path damaged : retained.subList(1, retained.size())) {
                    try (var files = Files.list(damaged)) {
                        for (Path file : files.filter(f -> f.getFileName().toString().startsWith("keyed-")).toList()) {
                            byte[] bytes = Files.readAllBytes(file);
                            bytes[bytes.length / 2] ^= 0x5a;
                            Files.write(file, bytes);
                        }
                    }
                    DAMAGED_CHECKPOINTS.incrementAndGet();
                }
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure after damaging the newest checkpoints");
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed++;
        }
    }

    /**
     * Damaged state files are named when read, and the restore falls back to the newest intact retained checkpoint:
     * the results stay exact. (Restoring a damaged checkpoint again and again would use up the restarts instead.)
     */
    @Test
    void aDamagedCheckpointIsSkippedForAnOlderOne(@TempDir File directory) throws Exception {
        DAMAGED_CHECKPOINTS.set(0);
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        configuration.setString("execution.checkpointing.num-retained", "3");
        StreamExecutionEnvironment env = environment(configuration);
        env.enableCheckpointing(40);
        env.addSource(new RewindableSource(RECORDS_PER_SOURCE)).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new DamageCheckpointsAndFail(directory)).name("count")
                .addSink(new LatestSink()).name("latest");
        env.execute("damaged checkpoints");

        assertThat(FAILURES.get()).isEqualTo(1);
        assertThat(DAMAGED_CHECKPOINTS.get()).as("damaged checkpoints").isPositive();
        assertExactResults();
    }

    @Test
    void atLeastOnceModeAlsoRecovers() throws Exception {
        CountingJob.failuresToInject = 1;
        StreamExecutionEnvironment env = environment(new Configuration());
        env.enableCheckpointing(50, CheckpointingMode.AT_LEAST_ONCE);
        runCountingJob(env);

        assertThat(FAILURES.get()).isEqualTo(1);
        long perKey = (long) RECORDS_PER_SOURCE * PARALLELISM / KEYS;
        // nothing is lost; records of one source subtask that overtook the other's barrier are in the snapshot and
        // read again after the restore, so a count may be higher (the keyed task reads two channels unblocked)
        assertThat(RESULTS).hasSize(KEYS);
        assertThat(RESULTS.values()).allSatisfy(result -> assertThat(result[0]).isGreaterThanOrEqualTo(perKey));
    }

    @Test
    void checkpointsAreWrittenToTheCheckpointDirectoryAndReadBack(@TempDir File directory) throws Exception {
        CountingJob.failuresToInject = 1;
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        configuration.setString("execution.checkpointing.num-retained", "2");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        StreamExecutionEnvironment env = environment(configuration);
        env.getCheckpointConfig().setCheckpointInterval(50);
        env.addSource(new RewindableSource(RECORDS_PER_SOURCE)).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).name("count")
                .addSink(new LatestSink()).name("latest");
        io.freshet.core.execution.JobClient client = env.executeAsync("checkpointed counting");

        // while the job runs, its checkpoints lie under <dir>/<job-id>/chk-<n>/_metadata, at most two at a time
        Path jobDirectory = directory.toPath().resolve(client.getJobID().toString());
        CompletedCheckpoint read = null;
        Path readDirectory = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read == null && System.nanoTime() < deadline) {
            if (Files.isDirectory(jobDirectory)) {
                try (var checkpoints = Files.list(jobDirectory)) {
                    List<Path> metadata = checkpoints.map(p -> p.resolve("_metadata")).filter(Files::exists).toList();
                    assertThat(metadata.size()).isLessThanOrEqualTo(3); // two retained, one being written
                    if (!metadata.isEmpty()) {
                        try {
                            read = CheckpointMetadataStorage.read(metadata.get(0).getParent().toUri().toString(),
                                    getClass().getClassLoader());
                            readDirectory = metadata.get(0).getParent();
                        } catch (java.io.IOException e) {
                            // subsumed and deleted (or half written) meanwhile: look again
                        }
                    }
                }
            }
            Thread.sleep(5);
        }
        assertThat(read).as("a checkpoint appeared in %s", jobDirectory).isNotNull();
        assertThat(read.getAllTaskStates()).as("sources and the keyed function have state").hasSize(2);
        // the keyed state lies in files the tasks wrote into the checkpoint's directory, not in _metadata
        List<String> keyedFiles = read.getAllTaskStates().values().stream().flatMap(m -> m.values().stream())
                .flatMap(state -> state.getSubtaskStateMappings().values().stream())
                .map(io.freshet.runtime.checkpoint.OperatorSubtaskState::getKeyedState)
                .filter(java.util.Objects::nonNull).map(io.freshet.runtime.state.KeyGroupsStateHandle::getFile)
                .toList();
        assertThat(keyedFiles).as("keyed state files").hasSize(PARALLELISM);
        for (String keyedFile : keyedFiles) {
            assertThat(keyedFile).contains(readDirectory.getFileName().toString() + "/keyed-");
        }
        client.getJobExecutionResult().get();

        assertExactResults();
        // a finished job keeps no checkpoint
        try (var jobs = Files.list(directory.toPath())) {
            List<Path> jobDirectories = jobs.toList();
            assertThat(jobDirectories).hasSize(1);
            try (var left = Files.list(jobDirectories.get(0))) {
                assertThat(left.filter(p -> p.getFileName().toString().startsWith("chk-"))).isEmpty();
            }
        }
    }

    @Test
    void aCorruptedOrTruncatedMetadataFileIsDetected(@TempDir File directory) throws Exception {
        CountingJob.failuresToInject = 0;
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        configuration.setString("execution.checkpointing.interval", "50 ms");
        CheckpointMetadataStorage storage = CheckpointMetadataStorage.fromConfiguration(configuration,
                new io.freshet.api.common.JobID());
        CompletedCheckpoint checkpoint = new CompletedCheckpoint(7, 1000, 1050, Map.of(), Map.of());
        String pointer = storage.write(checkpoint);
        assertThat(CheckpointMetadataStorage.read(pointer, getClass().getClassLoader()).getCheckpointID()).isEqualTo(7);

        File metadata = new File(new File(java.net.URI.create(pointer)), "_metadata");
        byte[] bytes = Files.readAllBytes(metadata.toPath());
        bytes[bytes.length - 3] ^= 0x5A;
        Files.write(metadata.toPath(), bytes);
        assertThatIOException(pointer, "corrupted");

        Files.write(metadata.toPath(), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThatIOException(pointer, "truncated");

        Files.writeString(metadata.toPath(), "not a checkpoint at all");
        assertThatIOException(pointer, "not the metadata file");

        assertThatIOException(new File(directory, "missing").toURI().toString(), "no checkpoint or savepoint");
    }

    private void assertThatIOException(String pointer, String message) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointMetadataStorage.read(pointer,
                getClass().getClassLoader())).isInstanceOf(java.io.IOException.class).hasMessageContaining(message);
    }

    @Test
    void aCheckpointDirectoryThatCannotBeWrittenFailsTheJobNamingIt(@TempDir File directory) throws Exception {
        CountingJob.failuresToInject = 0;
        File notADirectory = new File(directory, "a-file");
        Files.writeString(notADirectory.toPath(), "in the way");
        Configuration configuration = new Configuration();
        configuration.setString("restart-strategy.type", "none");
        configuration.setString("execution.checkpointing.dir", notADirectory.toURI().toString());
        StreamExecutionEnvironment env = environment(configuration);
        env.enableCheckpointing(30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runCountingJob(env))
                .hasStackTraceContaining("tolerable failure threshold")
                .hasStackTraceContaining(notADirectory.getName())
                .hasStackTraceContaining("execution.checkpointing.dir");
        assertThat(Files.readString(notADirectory.toPath())).as("nothing written over it").isEqualTo("in the way");
    }

    @Test
    void badStorageSettingsAreNamed() {
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.storage", "filesystem");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointMetadataStorage.fromConfiguration(
                configuration, new io.freshet.api.common.JobID())).hasMessageContaining("execution.checkpointing.dir");
        configuration.setString("execution.checkpointing.storage", "rocks");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointMetadataStorage.fromConfiguration(
                configuration, new io.freshet.api.common.JobID())).hasMessageContaining("'rocks'");
    }

}
