package io.freshet.streaming.api;

import static io.freshet.streaming.util.CountingJob.COMPLETED_NOTIFICATIONS;
import static io.freshet.streaming.util.CountingJob.FAILURES;
import static io.freshet.streaming.util.CountingJob.RESULTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.JobClient;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.runtime.checkpoint.InFlightData;
import io.freshet.runtime.checkpoint.OperatorSubtaskState;
import io.freshet.runtime.checkpoint.TaskStateSnapshot;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.util.CountingJob;
import io.freshet.streaming.util.CountingJob.CountingFunction;
import io.freshet.streaming.util.CountingJob.LatestSink;
import io.freshet.streaming.util.CountingJob.RewindableSource;

/**
 * Unaligned checkpoints under backpressure: a fast source feeds a slow task (small network buffers, two
 * TaskManagers, so that channels are local and remote), whose input and output queues are full when barriers pass.
 * The barriers overtake the queued data, which goes into the checkpoint as in-flight data; a restore must replay it
 * exactly, or the keyed counts come out short.
 */
class UnalignedCheckpointITCase {

    private static final int RECORDS_PER_SOURCE = 12_000;
    private static final int KEYS = 10;
    private static final int PARALLELISM = 2;

    @BeforeEach
    void resetObservations() {
        CountingJob.reset(0);
    }

    private static Configuration unalignedConfiguration(File checkpoints) {
        Configuration configuration = new Configuration();
        configuration.setString("restart-strategy.type", "fixed-delay");
        configuration.setString("restart-strategy.fixed-delay.attempts", "10");
        configuration.setString("restart-strategy.fixed-delay.delay", "20 ms");
        configuration.setString("minicluster.number-of-taskmanagers", "2");
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        configuration.setString("taskmanager.memory.segment-size", "4kb");
        configuration.setString("execution.checkpointing.interval", "40 ms");
        configuration.setString("execution.checkpointing.unaligned.enabled", "true");
        configuration.setString("execution.checkpointing.dir", checkpoints.toURI().toString());
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        return configuration;
    }

    /** Source, then (keyed) a slow pass-through, then (keyed again) the counting function and its sink. */
    private static StreamExecutionEnvironment countingJob(Configuration configuration, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(parallelism);
        env.addSource(new RewindableSource(RECORDS_PER_SOURCE)).name("numbers").uid("numbers")
                .keyBy(value -> (int) (value % KEYS))
                .map(new SlowPassThrough()).name("slow").uid("slow")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountingFunction()).name("count").uid("count")
                .addSink(new LatestSink()).name("latest").uid("latest");
        return env;
    }

    /** About 1 ms per 4 records: far slower than the source, so the queues in front of it stay full. */
    static final class SlowPassThrough extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private transient int seen;

        @Override
        public Long map(Long value) throws Exception {
            if (++seen % 4 == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    @Test
    void aRetainedUnalignedCheckpointReplaysItsInFlightDataExactly(@TempDir File checkpoints,
            @TempDir File savepoints) throws Exception {
        Configuration configuration = unalignedConfiguration(checkpoints);
        JobClient client = countingJob(configuration, PARALLELISM).executeAsync("unaligned, cancelled");
        awaitCompletedCheckpoints(4);

        // savepoints stay aligned: no in-flight data, whatever the checkpoints do
        String savepoint = client.triggerSavepoint(savepoints.toURI().toString()).get();
        assertThat(inFlightBytes(CheckpointMetadataStorage.read(savepoint, getClass().getClassLoader())))
                .as("in-flight bytes of the savepoint").isZero();
        awaitCompletedCheckpoints(COMPLETED_NOTIFICATIONS.get() + 2 * PARALLELISM);
        client.cancel().get();
        awaitEnd(client);

        Path checkpoint = latestCheckpoint(checkpoints.toPath().resolve(client.getJobID().toString()));
        CompletedCheckpoint retained = CheckpointMetadataStorage.read(checkpoint.toUri().toString(),
                getClass().getClassLoader());
        assertThat(inFlightBytes(retained)).as("in-flight bytes of %s", checkpoint).isPositive();
        long countedBeforeCancel = RESULTS.values().stream().mapToLong(r -> r[0]).sum();
        assertThat(countedBeforeCancel).as("the first run was cancelled halfway")
                .isLessThan((long) RECORDS_PER_SOURCE * PARALLELISM);

        // a new job from the retained checkpoint counts every number exactly once
        RESULTS.clear();
        Configuration restore = unalignedConfiguration(checkpoints);
        restore.setString("execution.state-recovery.path", checkpoint.toUri().toString());
        countingJob(restore, PARALLELISM).execute("unaligned, restored");
        CountingJob.assertExactResults(KEYS, RECORDS_PER_SOURCE, PARALLELISM);

        // in-flight data is kept per channel: it does not restore at another parallelism
        assertThatThrownBy(() -> countingJob(restore, PARALLELISM + 1).execute("unaligned, rescaled"))
                .hasStackTraceContaining("was taken unaligned and holds in-flight data")
                .hasStackTraceContaining("instead of " + PARALLELISM);
    }

    @Test
    void failoversRestoreInFlightDataExactly(@TempDir File checkpoints) throws Exception {
        CountingJob.failuresToInject = 3;
        countingJob(unalignedConfiguration(checkpoints), PARALLELISM).execute("unaligned through failures");
        assertThat(FAILURES.get()).as("every injected failure happened").isEqualTo(3);
        CountingJob.assertExactResults(KEYS, RECORDS_PER_SOURCE, PARALLELISM);
    }

    @Test
    void alignedCheckpointsSwitchToUnalignedAfterTheAlignmentTimeout(@TempDir File checkpoints) throws Exception {
        Configuration configuration = unalignedConfiguration(checkpoints);
        configuration.setString("execution.checkpointing.aligned-checkpoint-timeout", "20 ms");
        JobClient client = countingJob(configuration, PARALLELISM).executeAsync("aligned with timeout");
        Path jobDirectory = checkpoints.toPath().resolve(client.getJobID().toString());
        // under this backpressure alignments take far longer than 20 ms: checkpoints switch and keep in-flight data
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long inFlight = 0;
        while (inFlight == 0 && System.nanoTime() < deadline) {
            awaitCompletedCheckpoints(COMPLETED_NOTIFICATIONS.get() + 1);
            try {
                inFlight = inFlightBytes(CheckpointMetadataStorage.read(latestCheckpoint(jobDirectory).toUri()
                        .toString(), getClass().getClassLoader()));
            } catch (java.io.IOException | AssertionError e) {
                // subsumed and deleted meanwhile: look again
            }
        }
        assertThat(inFlight).as("in-flight bytes of a checkpoint that switched to unaligned").isPositive();
        client.getJobExecutionResult().get();
        CountingJob.assertExactResults(KEYS, RECORDS_PER_SOURCE, PARALLELISM);
    }

    /**
     * The final checkpoint of a two-phase sink whose input ended is triggered at its task directly, which has no
     * input left to wait for: it acknowledges at once (waiting for in-flight input data, it would hang the job).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aTwoPhaseSinkWhoseInputEndedFinishesWithUnalignedCheckpoints(@TempDir File checkpoints,
            @TempDir File output) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(
                unalignedConfiguration(checkpoints));
        env.setParallelism(PARALLELISM);
        env.fromSequence(0, 9_999).keyBy(value -> (int) (value % KEYS)).map(value -> value)
                .sinkTo(io.freshet.connector.file.sink.FileSink.forRowFormat(
                                new io.freshet.core.fs.Path(output.toURI()),
                                new io.freshet.api.common.serialization.SimpleStringEncoder<Long>())
                        .withBucketAssigner(new io.freshet.streaming.api.functions.sink.filesystem.bucketassigners
                                .BasePathBucketAssigner<>())
                        .build());
        env.execute("unaligned, bounded, two-phase sink");
        java.util.List<Long> written = new java.util.ArrayList<>();
        try (var files = Files.list(output.toPath())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().startsWith(".")) {
                    Files.readAllLines(file).forEach(line -> written.add(Long.parseLong(line)));
                }
            }
        }
        java.util.Collections.sort(written);
        assertThat(written).isEqualTo(java.util.stream.LongStream.range(0, 10_000).boxed().toList());
    }

    @Test
    void unalignedCheckpointsRefuseConcurrentCheckpoints(@TempDir File checkpoints) {
        Configuration configuration = unalignedConfiguration(checkpoints);
        configuration.setString("execution.checkpointing.max-concurrent-checkpoints", "2");
        assertThatThrownBy(() -> countingJob(configuration, PARALLELISM).execute("two at a time"))
                .hasStackTraceContaining("execution.checkpointing.max-concurrent-checkpoints is 2");
    }

    private static long inFlightBytes(CompletedCheckpoint checkpoint) {
        long bytes = 0;
        for (java.util.Map<Integer, TaskStateSnapshot> subtasks : checkpoint.getAllTaskStates().values()) {
            for (TaskStateSnapshot snapshot : subtasks.values()) {
                for (OperatorSubtaskState state : snapshot.getSubtaskStateMappings().values()) {
                    InFlightData data = state.getInFlightData();
                    bytes += data == null ? 0 : data.getSize();
                }
            }
        }
        return bytes;
    }

    /** The newest {@code chk-<n>} with a {@code _metadata} file in {@code jobDirectory}. */
    private static Path latestCheckpoint(Path jobDirectory) throws java.io.IOException {
        try (var entries = Files.list(jobDirectory)) {
            Optional<Path> latest = entries.filter(p -> p.getFileName().toString().startsWith("chk-"))
                    .filter(p -> Files.exists(p.resolve(CheckpointMetadataStorage.METADATA_FILE_NAME)))
                    .max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().substring(4))));
            assertThat(latest).as("a completed checkpoint in %s", jobDirectory).isPresent();
            return latest.get();
        }
    }

    private static void awaitCompletedCheckpoints(int notifications) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (COMPLETED_NOTIFICATIONS.get() < notifications && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(COMPLETED_NOTIFICATIONS.get()).as("checkpoint completions seen by the counting function")
                .isGreaterThanOrEqualTo(notifications);
    }

    private static void awaitEnd(JobClient client) throws Exception {
        try {
            client.getJobExecutionResult().get();
        } catch (java.util.concurrent.ExecutionException cancelled) {
            // the cancelled job ends exceptionally
        }
    }
}
