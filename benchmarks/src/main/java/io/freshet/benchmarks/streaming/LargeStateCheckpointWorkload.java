package io.freshet.benchmarks.streaming;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeinfo.PrimitiveArrayTypeInfo;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.JobClient;
import io.freshet.runtime.checkpoint.CheckpointMetadataStorage;
import io.freshet.runtime.checkpoint.CompletedCheckpoint;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.KeyedProcessFunction;
import io.freshet.streaming.api.functions.sink.DiscardingSink;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;
import io.freshet.util.Collector;

/**
 * The checkpoint issue's benchmark of a large heap state: {@code keys} keys with a {@code valueBytes}-byte
 * {@code ValueState<byte[]>} each (about 1 GB with the defaults), parallelism 2, checkpoints every few seconds to
 * files on local disk (each task's snapshot thread writes its keyed state file while the task goes on). Once the
 * state is loaded, the next checkpoints' durations (trigger to completion) and sizes are read back from their
 * {@code _metadata} files, beside the time a plain Java loop takes to write the same number of bytes to a file in the
 * same directory.
 *
 * <p>Run (the state needs heap): {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar
 * io.freshet.benchmarks.streaming.LargeStateCheckpointWorkload [keys] [valueBytes] [directory]} (defaults 1,000,000,
 * 1,000 and the temporary directory).
 */
public final class LargeStateCheckpointWorkload {

    private LargeStateCheckpointWorkload() {}

    static final AtomicLong LOADED = new AtomicLong();

    /** Emits its share of 0..keys-1 once, then waits until cancelled (so that the job stays up for checkpoints). */
    static final class Keys extends RichParallelSourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final long keys;
        private volatile boolean running = true;

        Keys(long keys) {
            this.keys = keys;
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
            int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            for (long key = subtask; key < keys && running; key += parallelism) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(key);
                }
            }
            while (running) {
                Thread.sleep(50);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Keeps a {@code valueBytes}-byte array per key. */
    static final class Store extends KeyedProcessFunction<Long, Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int valueBytes;
        private transient ValueState<byte[]> value;

        Store(int valueBytes) {
            this.valueBytes = valueBytes;
        }

        @Override
        public void open(io.freshet.api.common.functions.OpenContext openContext) {
            value = getRuntimeContext().getState(new ValueStateDescriptor<>("value",
                    PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        }

        @Override
        public void processElement(Long key, Context ctx, Collector<Long> out) throws Exception {
            byte[] bytes = new byte[valueBytes];
            java.util.Arrays.fill(bytes, (byte) (long) key);
            value.update(bytes);
            LOADED.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        long keys = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int valueBytes = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        File parent = args.length > 2 ? new File(args[2]) : new File(System.getProperty("java.io.tmpdir"));
        File directory = Files.createTempDirectory(parent.toPath(), "freshet-large-state").toFile();
        System.out.printf("%,d keys x %,d-byte values (%,d MB of values), p=2, checkpoints to %s%n", keys, valueBytes,
                keys * valueBytes >> 20, directory);

        Configuration configuration = new Configuration();
        configuration.setString("execution.checkpointing.interval", "4 s");
        configuration.setString("execution.checkpointing.timeout", "10 min");
        configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        configuration.setString("execution.checkpointing.num-retained", "10");
        configuration.setString("execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(2);
        env.addSource(new Keys(keys)).keyBy(key -> key).process(new Store(valueBytes))
                .addSink(new DiscardingSink<>());
        JobClient client = env.executeAsync("large state");
        while (LOADED.get() < keys) {
            Thread.sleep(20);
        }
        long loaded = System.currentTimeMillis();
        System.out.printf("state loaded; waiting for three checkpoints of the whole state%n");
        Path jobDirectory = directory.toPath().resolve(client.getJobID().toString());
        List<CompletedCheckpoint> full = new ArrayList<>();
        while (full.size() < 3) {
            Thread.sleep(500);
            full.clear();
            if (!Files.isDirectory(jobDirectory)) {
                continue;
            }
            try (var checkpoints = Files.list(jobDirectory)) {
                for (Path checkpoint : checkpoints.filter(p -> Files.exists(p.resolve("_metadata"))).toList()) {
                    try {
                        CompletedCheckpoint read = CheckpointMetadataStorage.read(checkpoint.toUri().toString(),
                                LargeStateCheckpointWorkload.class.getClassLoader());
                        if (read.getTimestamp() > loaded) {
                            full.add(read);
                        }
                    } catch (java.io.IOException subsumedMeanwhile) {
                        // look again
                    }
                }
            }
        }
        client.cancel().get();
        full.sort(java.util.Comparator.comparingLong(CompletedCheckpoint::getCheckpointID));
        long size = 0;
        for (CompletedCheckpoint checkpoint : full) {
            size = checkpoint.getStateSize();
            System.out.printf("checkpoint %d: %,d MB in %,d ms (%.0f MB/s)%n", checkpoint.getCheckpointID(),
                    size >> 20, checkpoint.getDuration(), (size >> 20) * 1000.0 / checkpoint.getDuration());
        }

        // the yardstick: a plain Java loop writing as many bytes, two threads (like the two subtasks) of one file each
        byte[] block = new byte[valueBytes + 16];
        long perThread = size / 2;
        long start = System.nanoTime();
        Thread[] writers = new Thread[2];
        for (int t = 0; t < writers.length; t++) {
            File file = new File(directory, "plain-" + t);
            writers[t] = new Thread(() -> {
                try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file), 256 * 1024)) {
                    for (long written = 0; written < perThread; written += block.length) {
                        out.write(block);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writers[t].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        long plainMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("plain Java, 2 threads writing %,d MB: %,d ms (%.0f MB/s)%n", size >> 20, plainMillis,
                (size >> 20) * 1000.0 / Math.max(1, plainMillis));
        try (var walk = Files.walk(directory.toPath())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        System.exit(0);
    }
}
