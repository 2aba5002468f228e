package io.freshet.benchmarks.streaming;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.functions.MapFunction;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.JobClient;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.runtime.checkpoint.InFlightData;
import io.freshet.runtime.checkpoint.OperatorSubtaskState;
import io.freshet.runtime.checkpoint.TaskStateSnapshot;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.SinkFunction;

/**
 * The checkpoint issue's benchmark of checkpoints under backpressure, aligned against unaligned, in the same run: a
 * split source ({@code NumberSequenceSource}) as fast as it can go, {@code keyBy}, a map that spends about
 * {@code cost} microseconds per record (so the network queues in front of it are always full), {@code keyBy} again, a rolling {@code reduce(sum)} over 1,000 keys
 * and a counting sink; parallelism 2 on the embedded MiniCluster with two TaskManagers (local and remote channels),
 * default network buffers (32 KB), checkpoints every second to files. Each mode runs {@code seconds}, is cancelled
 * with its checkpoints retained, and the retained checkpoints' durations (trigger to completion) and in-flight bytes
 * are read back from their {@code _metadata} files.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.freshet.benchmarks.streaming.BackpressuredCheckpointWorkload [seconds] [costMicros]} (defaults 20 and 50).
 */
public final class BackpressuredCheckpointWorkload {

    private BackpressuredCheckpointWorkload() {}

    /** Spins about {@code micros} per record: a slow operator. */
    static final class Costly implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final long nanos;

        Costly(long micros) {
            this.nanos = micros * 1000;
        }

        @Override
        public Long map(Long value) {
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            return value;
        }
    }

    static final class CountingSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        static final AtomicLong COUNT = new AtomicLong();

        @Override
        public void invoke(Long value, Context context) {
            COUNT.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long cost = args.length > 1 ? Long.parseLong(args[1]) : 50;
        System.out.printf("Backpressured keyed job (%d us per record in the slow map), p=2, 2 TaskManagers,"
                + " checkpoints every second, %d s per mode%n", cost, seconds);
        for (boolean unaligned : new boolean[] {false, true}) {
            run(seconds, cost, unaligned);
        }
    }

    private static void run(int seconds, long cost, boolean unaligned) throws Exception {
        File directory = Files.createTempDirectory("freshet-backpressure").toFile();
        Configuration configuration = new Configuration();
        configuration.setString("minicluster.number-of-taskmanagers", "2");
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        configuration.setString("execution.checkpointing.interval", "1 s");
        configuration.setString("execution.checkpointing.timeout", "10 min");
        configuration.setString("execution.checkpointing.unaligned.enabled", Boolean.toString(unaligned));
        configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        configuration.setString("execution.checkpointing.num-retained", "1000");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(2);
        CountingSink.COUNT.set(0);
        env.fromSource(new io.freshet.api.connector.source.lib.NumberSequenceSource(0, Long.MAX_VALUE),
                        io.freshet.api.common.eventtime.WatermarkStrategy.noWatermarks(), "numbers")
                .keyBy(value -> value % 1000)
                .map(new Costly(cost))
                .keyBy(value -> value % 1000)
                .reduce(Long::sum)
                .addSink(new CountingSink());
        JobClient client = env.executeAsync(unaligned ? "unaligned" : "aligned");
        Thread.sleep(seconds * 1000L);
        long records = CountingSink.COUNT.get();
        client.cancel().get();
        try {
            client.getJobExecutionResult().get();
        } catch (java.util.concurrent.ExecutionException cancelled) {
            // expected: the job was cancelled
        }

        List<Long> durations = new ArrayList<>();
        List<Long> inFlight = new ArrayList<>();
        Path jobDirectory = directory.toPath().resolve(client.getJobID().toString());
        if (Files.isDirectory(jobDirectory)) {
            try (var checkpoints = Files.list(jobDirectory)) {
                for (Path checkpoint : checkpoints.filter(p -> Files.exists(p.resolve("_metadata"))).toList()) {
                    CompletedCheckpoint read = CheckpointMetadataStorage.read(checkpoint.toUri().toString(),
                            BackpressuredCheckpointWorkload.class.getClassLoader());
                    durations.add(read.getCompletionTimestamp() - read.getTimestamp());
                    inFlight.add(inFlightBytes(read));
                }
            }
        }
        Collections.sort(durations);
        Collections.sort(inFlight);
        System.out.printf("%-9s %4d checkpoints completed in %d s; duration median %6d ms, max %6d ms;"
                + " in-flight data median %,d bytes; %,d records/s%n", unaligned ? "unaligned" : "aligned",
                durations.size(), seconds, median(durations), max(durations), median(inFlight), records / seconds);
        deleteRecursively(directory.toPath());
    }

    private static long max(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
    }

    private static long median(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
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

    private static void deleteRecursively(Path path) throws java.io.IOException {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
