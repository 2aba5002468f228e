package io.freshet.benchmarks.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The DataStream issue's benchmark (c): a 1-minute tumbling event-time window count per key over {@code N} events
 * with 100,000 keys, on the embedded MiniCluster at parallelism 2, beside a hand-written single-threaded Java loop
 * counting the same events per key and window. Event {@code i} has timestamp {@code i * 600,000 / N} ms (the events
 * span ten minutes: ten windows) and key {@code mix(i) % 100,000}; every contender must emit the same number of counts
 * with the same sum. Beside the elapsed time each prints the CPU time the whole JVM spent (medians of the rounds): on a
 * shared machine elapsed times swing with the other work, CPU times much less.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.streaming.WindowCountWorkload [N]}
 * (default 10,000,000).
 */
public final class WindowCountWorkload {

    static final int KEYS = 100_000;
    static final long SPAN_MILLIS = 600_000;

    private WindowCountWorkload() {}

    static long key(long i) {
        long h = i * 0x9E3779B97F4A7C15L;
        return Math.floorMod(h ^ (h >>> 29), KEYS);
    }

    /** Counts the window results it sees and adds them up. */
    static final class CountingSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        static final AtomicLong RECORDS = new AtomicLong();
        static final AtomicLong TOTAL = new AtomicLong();
        private transient long records;
        private transient long total;

        @Override
        public void invoke(Long value, Context context) {
            records++;
            total += value;
        }

        @Override
        public void finish() {
            RECORDS.addAndGet(records);
            TOTAL.addAndGet(total);
        }
    }

    /** Counts a window's elements. */
    static final class Count implements AggregateFunction<Long, long[], Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] accumulator) {
            accumulator[0]++;
            return accumulator;
        }

        @Override
        public Long getResult(long[] accumulator) {
            return accumulator[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int rounds = 3;
        System.out.printf("1-minute tumbling window count of %,d events over %,d keys (ten windows); median of %d"
                + " rounds after one warm-up%n", n, KEYS, rounds);
        long[] expected = null;
        for (String contender : new String[] {"single thread", "Freshet p=2"}) {
            List<Long> millis = new ArrayList<>();
            List<Long> cpuMillis = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                long cpuBefore = processCpuNanos();
                long[] result = contender.startsWith("single") ? singleThread(n) : freshet(n);
                long cpu = (processCpuNanos() - cpuBefore) / 1_000_000;
                if (expected == null) {
                    expected = result;
                } else if (result[1] != expected[1] || result[2] != expected[2]) {
                    throw new AssertionError(contender + " emitted " + result[1] + " counts summing to " + result[2]
                            + ", not " + expected[1] + " summing to " + expected[2]);
                }
                if (round > 0) {
                    millis.add(result[0]);
                    cpuMillis.add(cpu);
                }
            }
            Collections.sort(millis);
            Collections.sort(cpuMillis);
            long median = millis.get(millis.size() / 2);
            System.out.printf("%-16s %7d ms  %6.1f M events/s  (CPU of the whole process %,d ms)%n", contender,
                    median, n / 1000.0 / median, cpuMillis.get(cpuMillis.size() / 2));
        }
    }

    /**
     * The CPU time of all threads of this JVM (JIT and GC included), or 0 where the JVM cannot tell: what a
     * contender costs however busy the machine is, while elapsed time depends on what else runs.
     */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
    }

    /** {elapsed millis, counts emitted, sum of the counts}. */
    private static long[] singleThread(long n) {
        long start = System.nanoTime();
        Map<Long, long[]> counts = new HashMap<>();
        long window = -1;
        long records = 0;
        long total = 0;
        for (long i = 0; i < n; i++) {
            long timestamp = i * SPAN_MILLIS / n;
            long windowStart = timestamp - timestamp % 60_000;
            if (windowStart != window) {
                for (long[] count : counts.values()) {
                    records++;
                    total += count[0];
                }
                counts.clear();
                window = windowStart;
            }
            counts.computeIfAbsent(key(i), k -> new long[1])[0]++;
        }
        for (long[] count : counts.values()) {
            records++;
            total += count[0];
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, records, total};
    }

    private static long[] freshet(long n) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CountingSink.RECORDS.set(0);
        CountingSink.TOTAL.set(0);
        env.fromSequence(0, n - 1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((i, previous) -> i * SPAN_MILLIS / n))
                .keyBy(WindowCountWorkload::key)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new Count())
                .addSink(new CountingSink());
        JobExecutionResult result = env.execute("window count");
        return new long[] {result.getNetRuntime(), CountingSink.RECORDS.get(), CountingSink.TOTAL.get()};
    }
}
