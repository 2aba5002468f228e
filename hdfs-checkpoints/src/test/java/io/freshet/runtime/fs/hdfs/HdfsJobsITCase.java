package io.freshet.runtime.fs.hdfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.OpenContext;
import io.freshet.api.common.state.CheckpointListener;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.configuration.Configuration;
import io.freshet.connector.file.src.FileSource;
import io.freshet.connector.file.src.reader.TextLineInputFormat;
import io.freshet.core.execution.JobClient;
import io.freshet.core.fs.FileStatus;
import io.freshet.core.fs.FileSystem;
import io.freshet.core.fs.Path;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.FunctionSnapshotContext;
import io.freshet.streaming.api.checkpoint.CheckpointedFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;
import io.freshet.util.Collector;

/**
 * DataStream jobs on the embedded MiniCluster with their files on HDFS: a FileSource reading {@code hdfs://}
 * directories, and a keyed job checkpointing to an {@code hdfs://} directory that fails once and still ends with
 * exact results.
 */
class HdfsJobsITCase {

    private static final int PARALLELISM = 2;
    private static final int KEYS = 7;

    private static MiniDfs dfs;

    /** The latest (count, sum) per key; within an attempt a key's count only grows. */
    static final Map<Integer, long[]> RESULTS = new ConcurrentHashMap<>();
    static final AtomicInteger FAILURES = new AtomicInteger();
    static final AtomicInteger RESTORED_SOURCES = new AtomicInteger();

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
        RESULTS.clear();
        FAILURES.set(0);
        RESTORED_SOURCES.set(0);
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
                .process(new CountingFunction(0))
                .addSink(new LatestSink());
        env.execute("reading hdfs");

        assertResultsCountEachNumberOnce(files * linesPerFile, 1);
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
        env.addSource(new RewindableSource()).name("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction(1)).name("count")
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
        assertResultsCountEachNumberOnce(RewindableSource.RECORDS, PARALLELISM);
        // a finished job keeps no checkpoint, not even one whose writing ended after the job (deleted in the
        // background: wait for it)
        long cleanDeadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!metadataFiles(fs, jobDirectory).isEmpty() && System.nanoTime() < cleanDeadline) {
            Thread.sleep(20);
        }
        assertThat(metadataFiles(fs, jobDirectory)).isEmpty();
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

    /** Each key's count and sum are those of 0..total-1, each number seen {@code copies} times. */
    private static void assertResultsCountEachNumberOnce(long total, int copies) {
        assertThat(RESULTS).hasSize(KEYS);
        for (int key = 0; key < KEYS; key++) {
            long count = 0;
            long sum = 0;
            for (long value = key; value < total; value += KEYS) {
                count += copies;
                sum += value * copies;
            }
            assertThat(RESULTS.get(key)).as("count and sum of key %d", key).containsExactly(count, sum);
        }
    }

    // ---- job functions ----

    /** Emits 0..RECORDS-1 per subtask, its position in operator state, slowly enough for several checkpoints. */
    static final class RewindableSource extends RichParallelSourceFunction<Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        static final int RECORDS = 10_000;
        private transient ListState<Long> positionState;
        private long position;
        private volatile boolean running = true;

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
            while (running && position < RECORDS) {
                synchronized (ctx.getCheckpointLock()) {
                    for (int i = 0; i < 20 && position < RECORDS; i++) {
                        ctx.collect(position++);
                    }
                }
                Thread.sleep(2);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /**
     * Counts and sums per key in keyed state, emitting (key, count, sum); subtask 0 fails its task while failures
     * remain to be injected, once two checkpoints completed and it saw 300 records in this attempt.
     */
    static final class CountingFunction extends KeyedProcessFunction<Integer, Long, Tuple3<Integer, Long, Long>>
            implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final int failuresToInject;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;
        private transient int seen;
        private transient int checkpointsCompleted;

        CountingFunction(int failuresToInject) {
            this.failuresToInject = failuresToInject;
        }

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Integer, Long, Long>> out) throws Exception {
            long newCount = (count.value() == null ? 0 : count.value()) + 1;
            long newSum = (sum.value() == null ? 0 : sum.value()) + value;
            count.update(newCount);
            sum.update(newSum);
            out.collect(Tuple3.of(ctx.getCurrentKey(), newCount, newSum));
            boolean firstSubtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
            if (++seen > 300 && checkpointsCompleted >= 2 && firstSubtask && FAILURES.get() < failuresToInject) {
                FAILURES.incrementAndGet();
                throw new IllegalStateException("injected failure " + FAILURES.get());
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            checkpointsCompleted++;
        }
    }

    /** Keeps the latest result per key: a restart replays results already seen, the highest count is the last. */
    static final class LatestSink implements SinkFunction<Tuple3<Integer, Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void invoke(Tuple3<Integer, Long, Long> value, Context context) {
            RESULTS.merge(value.f0, new long[] {value.f1, value.f2}, (old, fresh) -> fresh[0] >= old[0] ? fresh : old);
        }
    }
}
