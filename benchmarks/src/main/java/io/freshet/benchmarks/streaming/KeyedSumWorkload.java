package io.freshet.benchmarks.streaming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.SinkFunction;

/**
 * A whole DataStream job beside plain single-threaded Java doing the same work on the same data:
 * the longs 1..N, {@code x * 3}, keep the odd ones, sum them per key {@code x % 1024} (rolling sums, as
 * {@code keyBy(...).reduce(...)} emits them), and hand every sum to a sink that only counts.
 *
 * <p>Two baselines: the same types as the job (boxed {@code Long} values, a {@code HashMap<Long, Long>} of sums),
 * and the best a single thread can do (primitives, an array of sums). Freshet runs on the embedded MiniCluster at
 * parallelism 1 and 2 (two cores); its time is the job's net runtime (submission to end, cluster start excluded).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.streaming.KeyedSumWorkload [N]}
 */
public final class KeyedSumWorkload {

    private static final int KEYS = 1024;

    private KeyedSumWorkload() {}

    /** Counts the sums it sees (per subtask; the counts are checked against the baselines). */
    static final class CountingSink implements SinkFunction<Long> {
        private static final long serialVersionUID = 1L;
        static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();
        private transient long local;

        @Override
        public void invoke(Long value, Context context) {
            local++;
        }

        @Override
        public void finish() {
            COUNT.addAndGet(local);
        }
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int rounds = 5;
        System.out.printf("Keyed rolling sum of %,d longs (x*3, odd ones, %d keys); median of %d rounds after one"
                + " warm-up%n", n, KEYS, rounds);
        long expected = -1;
        for (String contender : new String[] {"boxed single thread", "primitive single thread", "Freshet p=1",
                "Freshet p=2"}) {
            List<Long> millis = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                long[] result = run(contender, n);
                if (expected < 0) {
                    expected = result[1];
                } else if (result[1] != expected) {
                    throw new AssertionError(contender + " emitted " + result[1] + " sums, not " + expected);
                }
                if (round > 0) {
                    millis.add(result[0]);
                }
            }
            Collections.sort(millis);
            long median = millis.get(millis.size() / 2);
            System.out.printf("%-26s %7d ms  %8.1f M records/s%n", contender, median, n / 1000.0 / median);
        }
    }

    /** {elapsed millis, number of sums emitted}. */
    private static long[] run(String contender, long n) throws Exception {
        switch (contender) {
            case "boxed single thread":
                return boxed(n);
            case "primitive single thread":
                return primitive(n);
            case "Freshet p=1":
                return freshet(n, 1);
            default:
                return freshet(n, 2);
        }
    }

    private static long[] boxed(long n) {
        long start = System.nanoTime();
        Map<Long, Long> sums = new HashMap<>();
        long emitted = 0;
        for (long i = 1; i <= n; i++) {
            Long value = i * 3;
            if (value % 2 == 1) {
                Long key = value % KEYS;
                Long sum = sums.merge(key, value, Long::sum);
                if (sum != null) {
                    emitted++;
                }
            }
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, emitted};
    }

    private static long[] primitive(long n) {
        long start = System.nanoTime();
        long[] sums = new long[KEYS];
        long emitted = 0;
        long checksum = 0;
        for (long i = 1; i <= n; i++) {
            long value = i * 3;
            if ((value & 1) == 1) {
                int key = (int) (value % KEYS);
                sums[key] += value;
                checksum += sums[key];
                emitted++;
            }
        }
        if (checksum == 42) {
            System.out.println("(never printed; keeps the loop alive)");
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, emitted};
    }

    private static long[] freshet(long n, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CountingSink.COUNT.set(0);
        env.fromSequence(1, n)
                .map(value -> value * 3)
                .filter(value -> value % 2 == 1)
                .keyBy(value -> value % KEYS)
                .reduce(Long::sum)
                .addSink(new CountingSink());
        JobExecutionResult result = env.execute("keyed sum");
        return new long[] {result.getNetRuntime(), CountingSink.COUNT.get()};
    }
}
