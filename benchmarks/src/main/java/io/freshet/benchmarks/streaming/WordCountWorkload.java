package io.freshet.benchmarks.streaming;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.common.functions.FlatMapFunction;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.functions.sink.SinkFunction;
import io.freshet.util.Collector;

/**
 * WordCount over a file of Zipf-distributed words, the DataStream issue's benchmarks (a) and (b): Freshet in
 * STREAMING mode (a running count per word, as Flink's {@code sum(1)} emits it) and in BATCH mode (each word's
 * final count), both at parallelism 2, beside a hand-written single-threaded Java program doing the same work on the
 * same file: read the lines, split them into words, count per word in a {@code HashMap}, hand every (word, count)
 * update (STREAMING) or every final count (BATCH) to a sink that only counts.
 *
 * <p>The input is generated once (fixed seed) and kept: {@code words} words from a vocabulary of
 * {@code vocabulary} words, drawn with Zipf's law (exponent 1), ten words per line.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.streaming.WordCountWorkload
 * [words] [vocabulary] [file]} (defaults: 20,000,000, 100,000, {@code /tmp/freshet-zipf-words-<words>.txt});
 * {@code -Dcontender=BATCH} runs only the contenders whose name contains the text.
 */
public final class WordCountWorkload {

    private WordCountWorkload() {}

    /** Counts what it receives and adds up the counts (checked between contenders). */
    static final class CountingSink implements SinkFunction<Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;
        static final AtomicLong RECORDS = new AtomicLong();
        static final AtomicLong TOTAL = new AtomicLong();
        private transient long records;
        private transient long total;

        @Override
        public void invoke(Tuple2<String, Integer> value, Context context) {
            records++;
            total += value.f1;
        }

        @Override
        public void finish() {
            RECORDS.addAndGet(records);
            TOTAL.addAndGet(total);
        }
    }

    /** Splits a line at spaces without regular expressions. */
    static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            int start = 0;
            int length = line.length();
            while (start < length) {
                int end = line.indexOf(' ', start);
                if (end < 0) {
                    end = length;
                }
                if (end > start) {
                    out.collect(Tuple2.of(line.substring(start, end), 1));
                }
                start = end + 1;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long words = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int vocabulary = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path file = args.length > 2 ? Paths.get(args[2])
                : Paths.get(System.getProperty("java.io.tmpdir"), "freshet-zipf-words-" + words + ".txt");
        if (!Files.exists(file)) {
            generate(file, words, vocabulary);
        }
        int rounds = 3;
        System.out.printf("WordCount of %s (%,d words, Zipf over %,d words, %,d MB); median of %d rounds after one"
                + " warm-up%n", file, words, vocabulary, Files.size(file) >> 20, rounds);
        Map<String, long[]> expected = new HashMap<>();
        String only = System.getProperty("contender", "");
        for (String contender : new String[] {"single thread, running counts", "Freshet STREAMING p=2",
                "single thread, final counts", "Freshet BATCH p=2"}) {
            if (!contender.contains(only)) {
                continue;
            }
            List<Long> millis = new ArrayList<>();
            boolean batch = contender.contains("final") || contender.contains("BATCH");
            for (int round = 0; round <= rounds; round++) {
                long[] result = run(contender, file);
                long[] previous = expected.putIfAbsent(batch ? "batch" : "streaming", result);
                if (previous != null && (previous[1] != result[1] || previous[2] != result[2])) {
                    throw new AssertionError(contender + " emitted " + result[1] + " records summing to " + result[2]
                            + ", not " + previous[1] + " summing to " + previous[2]);
                }
                if (round > 0) {
                    millis.add(result[0]);
                }
            }
            Collections.sort(millis);
            long median = millis.get(millis.size() / 2);
            System.out.printf("%-32s %7d ms  %6.1f M words/s%n", contender, median, words / 1000.0 / median);
        }
    }

    /** {elapsed millis, records emitted, sum of the emitted counts}. */
    private static long[] run(String contender, Path file) throws Exception {
        switch (contender) {
            case "single thread, running counts":
                return singleThread(file, false);
            case "single thread, final counts":
                return singleThread(file, true);
            case "Freshet STREAMING p=2":
                return freshet(file, RuntimeExecutionMode.STREAMING);
            default:
                return freshet(file, RuntimeExecutionMode.BATCH);
        }
    }

    private static long[] singleThread(Path file, boolean finalCountsOnly) throws IOException {
        long start = System.nanoTime();
        Map<String, int[]> counts = new HashMap<>();
        long records = 0;
        long total = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                int from = 0;
                int length = line.length();
                while (from < length) {
                    int end = line.indexOf(' ', from);
                    if (end < 0) {
                        end = length;
                    }
                    if (end > from) {
                        int[] count = counts.computeIfAbsent(line.substring(from, end), word -> new int[1]);
                        count[0]++;
                        if (!finalCountsOnly) {
                            records++;
                            total += count[0];
                        }
                    }
                    from = end + 1;
                }
            }
        }
        if (finalCountsOnly) {
            for (int[] count : counts.values()) {
                records++;
                total += count[0];
            }
        }
        return new long[] {(System.nanoTime() - start) / 1_000_000, records, total};
    }

    private static long[] freshet(Path file, RuntimeExecutionMode mode) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(mode);
        CountingSink.RECORDS.set(0);
        CountingSink.TOTAL.set(0);
        env.readTextFile(file.toString())
                .flatMap(new Tokenizer())
                .returns(Types.TUPLE(Types.STRING, Types.INT))
                .keyBy(value -> value.f0)
                .sum(1)
                .addSink(new CountingSink());
        JobExecutionResult result = env.execute("word count " + mode);
        return new long[] {result.getNetRuntime(), CountingSink.RECORDS.get(), CountingSink.TOTAL.get()};
    }

    /** Writes {@code words} Zipf-distributed words, ten per line, from words "w0".."w<vocabulary-1>" shuffled. */
    static void generate(Path file, long words, int vocabulary) throws IOException {
        Random random = new Random(20_261_207L);
        double[] cumulative = new double[vocabulary];
        double sum = 0;
        for (int rank = 0; rank < vocabulary; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
        String[] names = new String[vocabulary];
        for (int i = 0; i < vocabulary; i++) {
            names[i] = Integer.toString(i * 7919 % 1_000_003, 36);
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        File parent = file.toAbsolutePath().getParent().toFile();
        parent.mkdirs();
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (long i = 0; i < words; i++) {
                double draw = random.nextDouble() * sum;
                int rank = java.util.Arrays.binarySearch(cumulative, draw);
                out.write(names[rank < 0 ? -rank - 1 : rank]);
                out.write(i % 10 == 9 ? '\n' : ' ');
            }
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
