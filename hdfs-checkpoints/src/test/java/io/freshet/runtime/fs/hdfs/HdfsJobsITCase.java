package io.freshet.runtime.fs.hdfs;

import static io.freshet.streaming.util.CountingJob.FAILURES;
import static io.freshet.streaming.util.CountingJob.RESTORED_SOURCES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.freshet.streaming.util.CountingJob;
import io.freshet.streaming.util.CountingJob.CountingFunction;
import io.freshet.streaming.util.CountingJob.LatestSink;
import io.freshet.streaming.util.CountingJob.RewindableSource;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.configuration.Configuration;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.execution.JobClient;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/**
 * DataStream jobs on the embedded MiniCluster with their files on HDFS: a FileSource reading {@code hdfs://}
 * directories, a keyed job checkpointing to an {@code hdfs://} directory that fails once and still ends with exact
 * results, and a keyed job at parallelism 2 resumed at parallelism 3 and 1 from a savepoint and from a retained
 * checkpoint on {@code hdfs://}, ending with the results of an uninterrupted run.
 */
class HdfsJobsITCase {

    private static final int PARALLELISM = 2;
    private static final int KEYS = 7;
    private static final long RECORDS = 10_000;

    private static MiniDfs dfs;

    @BeforeAll
    static void startDfs() throws IOException {
        dfs = MiniDfs.start("HdfsJobsITCase");
    }

    @AfterAll
    static void stopDfs() {
        if (dfs != null) {
            dfs.close();
        }
    }

    @BeforeEach
    void reset() {
        CountingJob.reset(0);
    }

    private static StreamExecutionEnvironment environment(Configuration extra) {
        Configuration configuration = new Configuration();
        configuration.setString("restart-strategy.type", "fixed-delay");
        configuration.setString("restart-strategy.fixed-delay.attempts", "3");
        configuration.setString("restart-strategy.fixed-delay.delay", "20 ms");
        configuration.addAll(extra);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        return env;
    }

    // ---- reading hdfs:// files ----

    @Test
    void aFileSourceReadsHdfsDirectories() throws Exception {
        Path input = new Path(dfs.uri("/input"));
        FileSystem fs = input.getFileSystem();
        int files = 3;
        int linesPerFile = 1_000;
        for (int f = 0; f < files; f++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < linesPerFile; i++) {
                lines.append(f * linesPerFile + i).append('\n');
            }
            try (OutputStream out = fs.create(new Path(input, "part-" + f + ".txt"), FileSystem.WriteMode.OVERWRITE)) {
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        // hidden and underscore files are not input, as on local directories
        try (OutputStream out = fs.create(new Path(input, "_SUCCESS"), FileSystem.WriteMode.OVERWRITE)) {
            out.write("not a number\n".getBytes(StandardCharsets.UTF_8));
        }

        StreamExecutionEnvironment env = environment(new Configuration());
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), input).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "hdfs files")
                .map(Long::parseLong)
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction())
                .addSink(new LatestSink());
        env.execute("reading hdfs");

        CountingJob.assertExactResults(KEYS, files * linesPerFile, 1);
    }

    // ---- checkpoints on hdfs:// ----

    @Test
    void aCheckpointedJobFailsOnceAndEndsExactWithItsCheckpointsOnHdfs() throws Exception {
        String checkpointDirectory = dfs.uri("/freshet/checkpoints");
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", checkpointDirectory);
        configuration.setString("execution.checkpointing.interval", "100 ms");
        // handed to Hadoop: a file's close polls the NameNode sooner (400 ms by default), so small checkpoint
        // files are complete in milliseconds rather than after the NameNode's next poll
        configuration.setString("flink.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "10");
        StreamExecutionEnvironment env = environment(configuration);
        CountingJob.failuresToInject = 1;
        env.addSource(new RewindableSource(RECORDS)).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).name("count")
                .addSink(new LatestSink()).name("latest");
        JobClient client = env.executeAsync("checkpointing to hdfs");

        // while the job runs, its checkpoints appear as <dir>/<job-id>/chk-<n>/_metadata on HDFS
        Path jobDirectory = new Path(new Path(checkpointDirectory), client.getJobID().toString());
        FileSystem fs = jobDirectory.getFileSystem();
        CompletedCheckpoint read = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (read == null && System.nanoTime() < deadline) {
            for (Path metadata : metadataFiles(fs, jobDirectory)) {
                try {
                    read = CheckpointMetadataStorage.read(metadata.getParent().toString(), getClass().getClassLoader());
                    break;
                } catch (IOException e) {
                    // subsumed and deleted, or still being written: look again
                }
            }
            Thread.sleep(10);
        }
        assertThat(read).as("a checkpoint appeared under %s", jobDirectory).isNotNull();
        assertThat(read.getExternalPointer()).startsWith(dfs.uri("/freshet/checkpoints/"));
        assertThat(read.getAllTaskStates()).as("the sources and the keyed function have state").hasSize(2);

        client.getJobExecutionResult().get();

        assertThat(FAILURES.get()).as("the injected failure happened").isEqualTo(1);
        assertThat(RESTORED_SOURCES.get()).as("both sources restored from a checkpoint").isEqualTo(PARALLELISM);
        CountingJob.assertExactResults(KEYS, RECORDS, PARALLELISM);
        // a finished job keeps no checkpoint, not even one whose writing ended after the job (deleted in the
        // background: wait for it)
        long cleanDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!metadataFiles(fs, jobDirectory).isEmpty() && System.nanoTime() < cleanDeadline) {
            Thread.sleep(20);
        }
        assertThat(metadataFiles(fs, jobDirectory)).isEmpty();
    }

    // ---- savepoints and retained checkpoints on hdfs:// at another parallelism ----

    private static final long TOTAL = 6_000;
    private static final long PAUSE_AT = 2_000;
    private static final int MAX_PARALLELISM = 64;

    /** Whether {@link PausingSource} may go on after {@link #PAUSE_AT}. */
    static volatile boolean released;
    /** The records {@link PausingSource} emitted since the last {@link #resumeFrom}. */
    static final java.util.concurrent.atomic.AtomicLong EMITTED = new java.util.concurrent.atomic.AtomicLong();

    /** Emits 0..TOTAL-1, its position in operator state; waits at PAUSE_AT (outside the lock) until released. */
    static final class PausingSource extends io.freshet.streaming.api.functions.source.RichSourceFunction<Long>
            implements io.freshet.streaming.api.checkpoint.CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private transient io.freshet.api.common.state.ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;

        @Override
        public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(
                    new io.freshet.api.common.state.ListStateDescriptor<>("position", Long.class));
            for (Long restored : positionState.get()) {
                position = restored;
            }
        }

        @Override
        public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
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
                EMITTED.incrementAndGet();
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** The keyed counting job with its source at parallelism 1 and the keyed function at {@code parallelism}. */
    private static StreamExecutionEnvironment pausingJob(Configuration configuration, int parallelism) {
        StreamExecutionEnvironment env = environment(configuration);
        env.setParallelism(parallelism);
        env.setMaxParallelism(MAX_PARALLELISM);
        env.addSource(new PausingSource()).uid("numbers").setParallelism(1)
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).uid("count")
                .addSink(new LatestSink()).uid("latest");
        return env;
    }

    /** The (count, sum) per key of the job run without interruption. */
    private static java.util.Map<Integer, List<Long>> uninterruptedResults() throws Exception {
        CountingJob.reset(0);
        released = true;
        pausingJob(new Configuration(), PARALLELISM).execute("uninterrupted");
        java.util.Map<Integer, List<Long>> results = results();
        CountingJob.assertExactResults(KEYS, TOTAL, 1);
        CountingJob.reset(0);
        released = false;
        return results;
    }

    private static java.util.Map<Integer, List<Long>> results() {
        java.util.Map<Integer, List<Long>> results = new java.util.TreeMap<>();
        CountingJob.RESULTS.forEach((key, countAndSum) -> results.put(key, List.of(countAndSum[0], countAndSum[1])));
        return results;
    }

    private static long processed() {
        return CountingJob.RESULTS.values().stream().mapToLong(result -> result[0]).sum();
    }

    /** Starts the job at parallelism 2 and waits until it has counted every record before the pause. */
    private static JobClient runUntilThePause(Configuration configuration) throws Exception {
        JobClient client = pausingJob(configuration, PARALLELISM).executeAsync("until the pause");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (processed() < PAUSE_AT && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(processed()).as("every record before the pause was counted").isEqualTo(PAUSE_AT);
        return client;
    }

    private static void cancelAndAwaitTheEnd(JobClient client) throws Exception {
        client.cancel().get(30, java.util.concurrent.TimeUnit.SECONDS);
        // the embedded cluster of the job goes away with it: its result is the one thing left to wait for
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.getJobExecutionResult()
                .get(30, java.util.concurrent.TimeUnit.SECONDS)).as("a cancelled job has no result")
                .hasMessageContaining("cancel");
    }

    /** Runs the job from {@code path} at {@code parallelism} to its end; returns its results. */
    private static java.util.Map<Integer, List<Long>> resumeFrom(String path, int parallelism) throws Exception {
        CountingJob.reset(0);
        released = true;
        EMITTED.set(0);
        Configuration configuration = new Configuration();
        configuration.setString("execution.state-recovery.path", path);
        pausingJob(configuration, parallelism).execute("resumed at parallelism " + parallelism);
        assertThat(EMITTED.get()).as("the source resumed at its position in %s", path).isEqualTo(TOTAL - PAUSE_AT);
        return results();
    }

    @Test
    void aSavepointOnHdfsTakenAtParallelismTwoResumesAtThreeAndAtOneWithTheResultsOfAnUninterruptedRun()
            throws Exception {
        java.util.Map<Integer, List<Long>> expected = uninterruptedResults();

        JobClient client = runUntilThePause(new Configuration());
        String savepoint = client.triggerSavepoint(dfs.uri("/freshet/savepoints"))
                .get(60, java.util.concurrent.TimeUnit.SECONDS);
        cancelAndAwaitTheEnd(client);

        assertThat(savepoint).startsWith(dfs.uri("/freshet/savepoints/savepoint-"));
        assertThat(resumeFrom(savepoint, 3)).as("resumed at parallelism 3").isEqualTo(expected);
        assertThat(resumeFrom(savepoint, 1)).as("resumed at parallelism 1").isEqualTo(expected);
    }

    @Test
    void aRetainedCheckpointOnHdfsResumesTheJobAtAnotherParallelism() throws Exception {
        java.util.Map<Integer, List<Long>> expected = uninterruptedResults();
        String checkpointDirectory = dfs.uri("/freshet/retained");
        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.dir", checkpointDirectory);
        configuration.setString("execution.checkpointing.interval", "100 ms");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        configuration.setString("flink.hadoop.dfs.client.block.write.locateFollowingBlock.initial.delay.ms", "10");

        JobClient client = runUntilThePause(configuration);
        // two more completed checkpoints on every keyed subtask: the latest was triggered after the pause
        int atPause = CountingJob.COMPLETED_NOTIFICATIONS.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (CountingJob.COMPLETED_NOTIFICATIONS.get() < atPause + 2 * PARALLELISM && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(CountingJob.COMPLETED_NOTIFICATIONS.get()).as("checkpoints completed while paused")
                .isGreaterThanOrEqualTo(atPause + 2 * PARALLELISM);
        cancelAndAwaitTheEnd(client);

        Path jobDirectory = new Path(new Path(checkpointDirectory), client.getJobID().toString());
        List<Path> retained = metadataFiles(jobDirectory.getFileSystem(), jobDirectory);
        assertThat(retained).as("the retained checkpoints under %s", jobDirectory).isNotEmpty();
        // the latest (a subsumed one may not be deleted yet: that happens in the background)
        Path latest = java.util.Collections.max(retained, java.util.Comparator.comparingLong(
                metadata -> Long.parseLong(metadata.getParent().getName().substring("chk-".length()))));
        assertThat(resumeFrom(latest.getParent().toString(), 3)).isEqualTo(expected);
    }

    private static List<Path> metadataFiles(FileSystem fs, Path jobDirectory) throws IOException {
        List<Path> metadata = new ArrayList<>();
        if (!fs.exists(jobDirectory)) {
            return metadata;
        }
        for (FileStatus checkpoint : fs.listStatus(jobDirectory)) {
            Path file = new Path(checkpoint.getPath(), CheckpointMetadataStorage.METADATA_FILE_NAME);
            if (checkpoint.getPath().getName().startsWith("chk-") && fs.exists(file)) {
                metadata.add(file);
            }
        }
        return metadata;
    }

}
