package io.freshet.benchmarks.serialization;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

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
 * The consumer's half of a shuffle, alone: reading a batch of serialized tuples back, as a task reads its input
 * (one reused tuple, fields folded into a checksum), through the tuple serializer and by hand. The hand-written
 * contender reads the same bytes from the same {@code DataInputDeserializer} into a reused tuple held in a field,
 * so it boxes as the serializer must; the difference between the two is the serializer's own per-record cost.
 * Scores are records per second.
 *
 * <p>With {@code otherTuples}, tuples of other arities and field types go through their serializers first, as in a
 * TaskManager running several jobs: the serializer's shared code then sees several shapes, and its profile (call
 * targets, branches) is no longer that of the one tuple type measured.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TupleReadBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TupleReadBenchmark {

    @Param({"false", "true"})
    public boolean otherTuples;

    private final DataInputDeserializer in = new DataInputDeserializer();

    private byte[] longPairBytes;
    private byte[] wordCountBytes;
    private TypeSerializer<Tuple2<Long, Long>> longPairSerializer;
    private TypeSerializer<Tuple2<String, Integer>> wordCountSerializer;
    private Tuple2<Long, Long> longPair;
    private Tuple2<String, Integer> wordCount;

    @Setup
    public void setUp() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        longPairSerializer = TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {}).createSerializer(config);
        wordCountSerializer = TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}).createSerializer(config);
        longPairBytes = serialize(Records.longPairs(Records.BATCH), longPairSerializer);
        wordCountBytes = serialize(Records.wordCounts(Records.BATCH), wordCountSerializer);
        longPair = longPairSerializer.createInstance();
        wordCount = wordCountSerializer.createInstance();
        if (otherTuples) {
            SerializerConfigImpl other = new SerializerConfigImpl();
            exercise(TypeInformation.of(new TypeHint<Tuple1<Long>>() {}).createSerializer(other), Tuple1.of(7L));
            exercise(TypeInformation.of(new TypeHint<Tuple2<Double, Boolean>>() {}).createSerializer(other),
                    Tuple2.of(0.5, true));
            exercise(TypeInformation.of(new TypeHint<Tuple3<Integer, String, Long>>() {}).createSerializer(other),
                    Tuple3.of(1, "x", 2L));
            exercise(TypeInformation.of(new TypeHint<Tuple4<String, Integer, Double, int[]>>() {})
                    .createSerializer(other), Tuple4.of("y", 3, 4.0, new int[] {5}));
        }
    }

    /** Round trips one record many times, fresh and with reuse, so that the JIT profiles this shape too. */
    private static <T> void exercise(TypeSerializer<T> serializer, T record) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        DataInputDeserializer source = new DataInputDeserializer();
        T reuse = serializer.createInstance();
        for (int i = 0; i < 50_000; i++) {
            out.clear();
            serializer.serialize(record, out);
            source.setBuffer(out.getSharedBuffer(), 0, out.length());
            reuse = serializer.deserialize(reuse, source);
            source.setBuffer(out.getSharedBuffer(), 0, out.length());
            serializer.copy(serializer.deserialize(source), reuse);
        }
    }

    private static <T> byte[] serialize(List<T> records, TypeSerializer<T> serializer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        for (T record : records) {
            serializer.serialize(record, out);
        }
        return out.getCopyOfBuffer();
    }

    // ---- Tuple2<Long, Long> ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public long longPairFreshet() throws IOException {
        in.setBuffer(longPairBytes);
        TypeSerializer<Tuple2<Long, Long>> serializer = longPairSerializer;
        Tuple2<Long, Long> t = longPair;
        long sum = 0;
        for (int i = 0; i < Records.BATCH; i++) {
            t = serializer.deserialize(t, in);
            sum += t.f0 + 31 * t.f1;
        }
        longPair = t;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public long longPairHandWritten() throws IOException {
        in.setBuffer(longPairBytes);
        Tuple2<Long, Long> t = longPair;
        long sum = 0;
        for (int i = 0; i < Records.BATCH; i++) {
            t.f0 = in.readLong();
            t.f1 = in.readLong();
            sum += t.f0 + 31 * t.f1;
        }
        return sum;
    }

    // ---- Tuple2<String, Integer> ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public long wordCountFreshet() throws IOException {
        in.setBuffer(wordCountBytes);
        TypeSerializer<Tuple2<String, Integer>> serializer = wordCountSerializer;
        Tuple2<String, Integer> t = wordCount;
        long sum = 0;
        for (int i = 0; i < Records.BATCH; i++) {
            t = serializer.deserialize(t, in);
            sum += t.f0.length() + 31 * t.f1;
        }
        wordCount = t;
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public long wordCountHandWritten() throws IOException {
        in.setBuffer(wordCountBytes);
        Tuple2<String, Integer> t = wordCount;
        long sum = 0;
        for (int i = 0; i < Records.BATCH; i++) {
            t.f0 = StringSerializer.readString(in);
            t.f1 = in.readInt();
            sum += t.f0.length() + 31 * t.f1;
        }
        return sum;
    }
}
