package io.freshet.benchmarks.serialization;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.java.tuple.Tuple1;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.api.java.tuple.Tuple4;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/**
 * The per-record cost of the tuple serializer in CPU time rather than wall-clock time: on a machine shared with
 * other builds, a thread's share of the cores moves the throughput that JMH measures far more than the code does,
 * while the CPU time the thread itself used stays put. One case per JVM (so that the JIT profiles only that case),
 * warmed up, then the best of 15 rounds of 2 M records, in nanoseconds of thread CPU time per record.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.serialization.TupleCpuTime CASE
 * [otherTuples]}, where CASE is one of {@code longPairRead, longPairReadFresh, longPairReadByHand, longPairWrite,
 * longPairCopy, longPairRoundTrip, wordCountRead, wordCountReadByHand, wordCountWrite, wordCountRoundTrip}; reads go
 * into a reused tuple unless "Fresh", round trips are {@link SerializerRoundTripBenchmark}'s; {@code otherTuples}
 * first runs other tuple shapes through their serializers, as {@link TupleReadBenchmark} does.
 */
public final class TupleCpuTime {

    private static final int BATCH = Records.BATCH;
    private static final int ROUNDS = 15;
    private static final int BATCHES_PER_ROUND = 2000;

    private final DataInputDeserializer in = new DataInputDeserializer();
    private final DataOutputSerializer out = new DataOutputSerializer(1 << 16);
    private final List<Tuple2<Long, Long>> longPairs = Records.longPairs(BATCH);
    private final List<Tuple2<String, Integer>> wordCounts = Records.wordCounts(BATCH);
    private final TypeSerializer<Tuple2<Long, Long>> longPairSerializer;
    private final TypeSerializer<Tuple2<String, Integer>> wordCountSerializer;
    private final byte[] longPairBytes;
    private final byte[] wordCountBytes;
    private Tuple2<Long, Long> longPair;
    private Tuple2<String, Integer> wordCount;

    private TupleCpuTime() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        longPairSerializer = TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {}).createSerializer(config);
        wordCountSerializer = TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}).createSerializer(config);
        longPairBytes = serialize(longPairs, longPairSerializer);
        wordCountBytes = serialize(wordCounts, wordCountSerializer);
        longPair = longPairSerializer.createInstance();
        wordCount = wordCountSerializer.createInstance();
    }

    private static <T> byte[] serialize(List<T> records, TypeSerializer<T> serializer) throws IOException {
        DataOutputSerializer target = new DataOutputSerializer(1 << 16);
        for (T record : records) {
            serializer.serialize(record, target);
        }
        return target.getCopyOfBuffer();
    }

    /** One batch of the case; returns something derived from every record, so that nothing is optimized away. */
    private long batch(String name) throws IOException {
        switch (name) {
            case "longPairRead":
                return longPairRead();
            case "longPairReadFresh":
                return longPairReadFresh();
            case "longPairReadByHand":
                return longPairReadByHand();
            case "longPairWrite":
                return write(longPairs, longPairSerializer);
            case "longPairCopy":
                return longPairCopy();
            case "longPairRoundTrip":
                return roundTrip(longPairs, longPairSerializer);
            case "wordCountRead":
                return wordCountRead();
            case "wordCountReadByHand":
                return wordCountReadByHand();
            case "wordCountWrite":
                return write(wordCounts, wordCountSerializer);
            case "wordCountRoundTrip":
                return roundTrip(wordCounts, wordCountSerializer);
            default:
                throw new IllegalArgumentException("unknown case " + name);
        }
    }

    private long longPairRead() throws IOException {
        in.setBuffer(longPairBytes);
        TypeSerializer<Tuple2<Long, Long>> serializer = longPairSerializer;
        Tuple2<Long, Long> t = longPair;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            t = serializer.deserialize(t, in);
            sum += t.f0 + 31 * t.f1;
        }
        longPair = t;
        return sum;
    }

    private long longPairReadFresh() throws IOException {
        in.setBuffer(longPairBytes);
        TypeSerializer<Tuple2<Long, Long>> serializer = longPairSerializer;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            Tuple2<Long, Long> t = serializer.deserialize(in);
            sum += t.f0 + 31 * t.f1;
        }
        return sum;
    }

    private long longPairReadByHand() throws IOException {
        in.setBuffer(longPairBytes);
        Tuple2<Long, Long> t = longPair;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            t.f0 = in.readLong();
            t.f1 = in.readLong();
            sum += t.f0 + 31 * t.f1;
        }
        return sum;
    }

    private long longPairCopy() {
        TypeSerializer<Tuple2<Long, Long>> serializer = longPairSerializer;
        Tuple2<Long, Long> t = longPair;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            t = serializer.copy(longPairs.get(i), t);
            sum += t.f0;
        }
        longPair = t;
        return sum;
    }

    private long wordCountRead() throws IOException {
        in.setBuffer(wordCountBytes);
        TypeSerializer<Tuple2<String, Integer>> serializer = wordCountSerializer;
        Tuple2<String, Integer> t = wordCount;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            t = serializer.deserialize(t, in);
            sum += t.f0.length() + 31 * t.f1;
        }
        wordCount = t;
        return sum;
    }

    private long wordCountReadByHand() throws IOException {
        in.setBuffer(wordCountBytes);
        Tuple2<String, Integer> t = wordCount;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            t.f0 = StringSerializer.readString(in);
            t.f1 = in.readInt();
            sum += t.f0.length() + 31 * t.f1;
        }
        return sum;
    }

    private <T> long write(List<T> records, TypeSerializer<T> serializer) throws IOException {
        out.clear();
        for (int i = 0; i < BATCH; i++) {
            serializer.serialize(records.get(i), out);
        }
        return out.length();
    }

    private <T> long roundTrip(List<T> records, TypeSerializer<T> serializer) throws IOException {
        out.clear();
        for (int i = 0; i < BATCH; i++) {
            serializer.serialize(records.get(i), out);
        }
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            sum += serializer.deserialize(in).hashCode();
        }
        return sum;
    }

    private static <T> void exercise(TypeSerializer<T> serializer, T record) throws IOException {
        DataOutputSerializer target = new DataOutputSerializer(64);
        DataInputDeserializer source = new DataInputDeserializer();
        T reuse = serializer.createInstance();
        for (int i = 0; i < 50_000; i++) {
            target.clear();
            serializer.serialize(record, target);
            source.setBuffer(target.getSharedBuffer(), 0, target.length());
            reuse = serializer.deserialize(reuse, source);
            source.setBuffer(target.getSharedBuffer(), 0, target.length());
            serializer.copy(serializer.deserialize(source), reuse);
        }
    }

    public static void main(String[] args) throws IOException {
        String name = args[0];
        boolean otherTuples = args.length > 1 && args[1].equals("otherTuples");
        if (otherTuples) {
            SerializerConfigImpl config = new SerializerConfigImpl();
            exercise(TypeInformation.of(new TypeHint<Tuple1<Long>>() {}).createSerializer(config), Tuple1.of(7L));
            exercise(TypeInformation.of(new TypeHint<Tuple2<Double, Boolean>>() {}).createSerializer(config),
                    Tuple2.of(0.5, true));
            exercise(TypeInformation.of(new TypeHint<Tuple3<Integer, String, Long>>() {}).createSerializer(config),
                    Tuple3.of(1, "x", 2L));
            exercise(TypeInformation.of(new TypeHint<Tuple4<String, Integer, Double, int[]>>() {})
                    .createSerializer(config), Tuple4.of("y", 3, 4.0, new int[] {5}));
        }
        TupleCpuTime bench = new TupleCpuTime();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 10 * BATCHES_PER_ROUND; i++) {
            sink += bench.batch(name);
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < BATCHES_PER_ROUND; i++) {
                sink += bench.batch(name);
            }
            long used = threads.getCurrentThreadCpuTime() - start;
            best = Math.min(best, used / ((double) BATCHES_PER_ROUND * BATCH));
        }
        System.out.printf("%-20s %-12s %6.2f ns of CPU per record (best of %d rounds)   [%d]%n", name,
                otherTuples ? "otherTuples" : "", best, ROUNDS, sink & 1);
    }
}
