package io.freshet.runtime.entrypoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.OpenContext;
import io.freshet.api.common.functions.RichMapFunction;
import io.freshet.api.common.serialization.SimpleStringEncoder;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.connector.source.lib.NumberSequenceSource;
import io.freshet.connector.file.sink.FileSink;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import io.freshet.util.Collector;

/**
 * A checkpointed keyed job that {@code bin/flink run} submits to clusters of separate processes, and the check of its
 * output. args: output directory, control directory, numbers, checkpoint interval in ms (0: savepoints only).
 *
 * <p>It reads 0..numbers-1 from a {@link NumberSequenceSource}, counts per key ({@code value % KEYS}) in keyed state
 * and writes one line {@code key count value} per number through the exactly-once {@link FileSink}. Its input is
 * throttled (about 2 records per millisecond and subtask) until the file {@code full-speed} appears in the control
 * directory, so that savepoints and failures land mid-job; each subtask of the throttle writes the pid of its
 * TaskManager to {@code <control>/pids/subtask-<i>-attempt-<n>}. Fixed-delay restarts.
 */
public final class CheckpointedCountingProgram {

    static final int KEYS = 12;
    static final String FULL_SPEED = "full-speed";
    static final String PIDS = "pids";

    private CheckpointedCountingProgram() {}

    public static void main(String[] args) throws Exception {
        Path output = Paths.get(args[0]);
        Path control = Paths.get(args[1]);
        long numbers = Long.parseLong(args[2]);
        long checkpointInterval = Long.parseLong(args[3]);
        // the program's settings go on top of the CLI's (the cluster's configuration and -D options)
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restarts());
        if (checkpointInterval > 0) {
            env.enableCheckpointing(checkpointInterval);
        }
        env.setMaxParallelism(64);
        env.fromSource(new NumberSequenceSource(0, numbers - 1), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .map(new Throttle(control.toString())).uid("throttle")
                .keyBy(value -> (int) (value % KEYS))
                .process(new CountLines()).uid("count")
                .sinkTo(FileSink.forRowFormat(new io.freshet.core.fs.Path(output.toUri()),
                        new SimpleStringEncoder<String>()).withBucketAssigner(new BasePathBucketAssigner<>()).build())
                .uid("files");
        env.execute("checkpointed counting");
    }

    private static io.freshet.configuration.Configuration restarts() {
        io.freshet.configuration.Configuration configuration = new io.freshet.configuration.Configuration();
        configuration.setString("restart-strategy.type", "fixed-delay");
        configuration.setString("restart-strategy.fixed-delay.attempts", "50");
        configuration.setString("restart-strategy.fixed-delay.delay", "200 ms");
        return configuration;
    }

    /** Passes numbers on; sleeps 1 ms every 2 records until the control directory says full speed. */
    static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final String control;
        private transient boolean fullSpeed;
        private transient long seen;

        Throttle(String control) {
            this.control = control;
        }

        @Override
        public void open(OpenContext openContext) throws IOException {
            Path pids = Files.createDirectories(Paths.get(control, PIDS));
            Files.writeString(pids.resolve("subtask-" + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask()
                    + "-attempt-" + getRuntimeContext().getTaskInfo().getAttemptNumber()),
                    String.valueOf(ProcessHandle.current().pid()));
        }

        @Override
        public Long map(Long value) throws Exception {
            if (fullSpeed) {
                return value;
            }
            if (++seen % 500 == 0 && Files.exists(Paths.get(control, FULL_SPEED))) {
                fullSpeed = true;
            } else if (seen % 2 == 0) {
                Thread.sleep(1);
            }
            return value;
        }
    }

    /** Counts per key in keyed state; emits {@code key count value}. */
    static final class CountLines extends KeyedProcessFunction<Integer, Long, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + " " + next + " " + value);
        }
    }

    // ---- the output ----

    /** The lines of the committed (visible) part files under {@code output}. */
    static List<String> committedLines(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(output)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                if (!file.getFileName().toString().startsWith(".")) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        return lines;
    }

    /**
     * The committed output holds every number of 0..numbers-1 exactly once, and each key's counts are exactly 1..n
     * (n the numbers of that key), each once: nothing lost, nothing duplicated, and the keyed state went on where it
     * was at every restore.
     */
    static void assertExactlyOnce(Path output, long numbers) throws IOException {
        List<String> lines = committedLines(output);
        byte[] seen = new byte[Math.toIntExact(numbers)];
        Map<Integer, boolean[]> countsSeen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            int key = Integer.parseInt(parts[0]);
            long count = Long.parseLong(parts[1]);
            long value = Long.parseLong(parts[2]);
            if (value < 0 || value >= numbers || value % KEYS != key) {
                problems.add("unexpected line '" + line + "'");
                continue;
            }
            if (seen[(int) value]++ > 0 && problems.size() < 20) {
                problems.add("number " + value + " written more than once");
            }
            boolean[] counts = countsSeen.computeIfAbsent(key, k -> new boolean[(int) (numbers / KEYS + 2)]);
            if (count < 1 || count >= counts.length) {
                problems.add("count out of range in '" + line + "'");
            } else if (counts[(int) count] && problems.size() < 20) {
                problems.add("count " + count + " of key " + key + " written more than once");
            } else {
                counts[(int) count] = true;
            }
        }
        long missing = 0;
        for (int value = 0; value < numbers; value++) {
            if (seen[value] == 0 && missing++ < 10) {
                problems.add("number " + value + " is missing");
            }
        }
        for (int key = 0; key < KEYS; key++) {
            long expected = numbers / KEYS + (key < numbers % KEYS ? 1 : 0);
            boolean[] counts = countsSeen.getOrDefault(key, new boolean[0]);
            for (int count = 1; count <= expected && problems.size() < 40; count++) {
                if (count >= counts.length || !counts[count]) {
                    problems.add("count " + count + " of key " + key + " is missing");
                }
            }
        }
        assertThat(problems).as("the committed output under %s (%d lines, %d numbers missing)", output,
                lines.size(), missing).isEmpty();
        assertThat(lines).hasSize(Math.toIntExact(numbers));
    }
}
