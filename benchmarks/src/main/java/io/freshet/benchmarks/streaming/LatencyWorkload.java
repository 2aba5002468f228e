package io.freshet.benchmarks.streaming;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.freshet.api.common.functions.MapFunction;
import io.freshet.configuration.Configuration;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.RichSinkFunction;
import io.freshet.streaming.api.functions.source.RichParallelSourceFunction;

/**
 * The DataStream issue's benchmark (d): end-to-end latency of a keyed map pipeline at a fixed rate. Two source
 * instances emit 100,000 records per second each (200,000/s in all, in 1 ms batches), each record being the
 * {@code System.nanoTime()} of its emission; {@code keyBy(v % 1024)} → {@code map} → a sink that records
 * {@code nanoTime() - record} after a warm-up. Parallelism 2, default buffer timeout (100 ms; partly filled buffers
 * are also sent whenever a task's input runs dry).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.streaming.LatencyWorkload
 * [seconds] [recordsPerSecond] [bufferTimeoutMillis]} (defaults: 12 s, 200,000/s, the default buffer timeout; the
 * first 2 s are warm-up).
 */
public final class LatencyWorkload {

    private LatencyWorkload() {}

    static final ConcurrentLinkedQueue<long[]> SAMPLES = new ConcurrentLinkedQueue<>();

    /** Emits nanoTime() at a fixed rate for a fixed time. */
    static final class RateSource extends RichParallelSourceFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final long recordsPerSecond;
        private final long seconds;
        private volatile boolean running = true;

        RateSource(long recordsPerSecond, long seconds) {
            this.recordsPerSecond = recordsPerSecond;
            this.seconds = seconds;
        }

        @Override
        public void run(SourceContext<Long> ctx) {
            int instances = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
            long perMillisecond = recordsPerSecond / instances / 1000;
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long next = start;
            while (running && next < end) {
                synchronized (ctx.getCheckpointLock()) {
                    for (long i = 0; i < perMillisecond; i++) {
                        ctx.collect(System.nanoTime());
                    }
                }
                next += 1_000_000;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Records latencies after the warm-up. */
    static final class LatencySink extends RichSinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        private transient long[] latencies;
        private transient int count;
        private transient long warmUpEnd;

        @Override
        public void open(Configuration parameters) {
            latencies = new long[4_000_000];
            warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        }

        @Override
        public void invoke(Long sent, Context context) {
            long now = System.nanoTime();
            if (now > warmUpEnd && count < latencies.length) {
                latencies[count++] = now - sent;
            }
        }

        @Override
        public void finish() {
            SAMPLES.add(Arrays.copyOf(latencies, count));
        }
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 12;
        long rate = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        if (args.length > 2) {
            env.setBufferTimeout(Long.parseLong(args[2]));
        }
        env.addSource(new RateSource(rate, seconds))
                .keyBy(value -> value % 1024)
                .map((MapFunction<Long, Long>) value -> value)
                .addSink(new LatencySink());
        env.execute("latency");
        long[] all = SAMPLES.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            throw new AssertionError("no latency samples");
        }
        System.out.printf("keyed map at %,d records/s for %d s (2 s warm-up): %,d samples; latency p50 %.1f ms,"
                + " p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n", rate, seconds, all.length, millis(all, 0.50),
                millis(all, 0.99), millis(all, 0.999), all[all.length - 1] / 1e6);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * (sorted.length - 1)))] / 1e6;
    }
}
