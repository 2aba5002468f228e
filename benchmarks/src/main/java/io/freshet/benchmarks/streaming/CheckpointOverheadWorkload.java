package io.freshet.benchmarks.streaming;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.state.CheckpointListener;
import io.freshet.configuration.Configuration;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.SinkFunction;

/**
 * The checkpoint issue's benchmark: throughput of a keyed stateful job with 1 million keys, with checkpoints every
 * second against the same job without checkpoints, in the same run. The job: the longs 1..N,
 * {@code keyBy(x % 1,000,000)}, a rolling {@code reduce(sum)} (one {@code ValueState} per key), a sink that counts;
 * parallelism 2 on the embedded MiniCluster. With checkpoints, the state of all million keys is written every second
 * (exactly-once, aligned), to JobManager memory or, with a directory argument, to files under it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.streaming.CheckpointOverheadWorkload
 * [N] [checkpointDirectory]} (default N = 30,000,000; rounds alternate, the median of 3 after a warm-up).
 */
public final class CheckpointOverheadWorkload {

    private static final int KEYS = 1_000_000;

    private CheckpointOverheadWorkload() {}

    /** Counts the sums, and the checkpoints it is told of. */
    static final class CountingSink implements SinkFunction<Long>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicLong COUNT = new AtomicLong();
        static final AtomicLong CHECKPOINTS = new AtomicLong();
        private transient long local;

        @Override
        public void invoke(Long value, Context context) {
            local++;
        }

        @Override
        public void finish() {
            COUNT.addAndGet(local);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 30_000_000L;
        String directory = args.length > 1 ? args[1] : null;
        File temp = directory == null ? null : Files.createTempDirectory(new File(directory).toPath(), "chk").toFile();
        System.out.printf("Keyed rolling sum of %,d longs over %,d keys, p=2; checkpoints every second to %s%n", n,
                KEYS, temp == null ? "JobManager memory" : temp);
        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        for (int round = 0; round <= 3; round++) {
            long plain = run(n, false, temp);
            long checkpointed = run(n, true, temp);
            if (round > 0) {
                without.add(plain);
                with.add(checkpointed);
                checkpoints.add(CountingSink.CHECKPOINTS.get() / 2); // told to both sink instances
            }
        }
        Collections.sort(without);
        Collections.sort(with);
        long plain = without.get(1);
        long checkpointed = with.get(1);
        System.out.printf("without checkpoints  %6d ms  %6.2f M records/s%n", plain, n / 1000.0 / plain);
        System.out.printf("checkpoints every 1s %6d ms  %6.2f M records/s  (%s checkpoints per run)%n", checkpointed,
                n / 1000.0 / checkpointed, checkpoints);
        System.out.printf("throughput with checkpoints / without: %.2f%n", (double) plain / checkpointed);
    }

    /** The job's net runtime in ms. */
    private static long run(long n, boolean checkpoints, File directory) throws Exception {
        Configuration configuration = new Configuration();
        if (checkpoints && directory != null) {
            configuration.setString("execution.checkpointing.dir", directory.toURI().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(configuration);
        env.setParallelism(2);
        if (checkpoints) {
            env.enableCheckpointing(1000);
        }
        CountingSink.COUNT.set(0);
        CountingSink.CHECKPOINTS.set(0);
        env.fromSequence(1, n)
                .keyBy(value -> value % KEYS)
                .reduce(Long::sum)
                .addSink(new CountingSink());
        JobExecutionResult result = env.execute("keyed sum" + (checkpoints ? " with checkpoints" : ""));
        if (CountingSink.COUNT.get() != n) {
            throw new AssertionError("the job emitted " + CountingSink.COUNT.get() + " sums, not " + n);
        }
        return result.getNetRuntime();
    }
}
