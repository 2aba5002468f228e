package io.freshet.benchmarks.serialization;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;

import org.objenesis.strategy.StdInstantiatorStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/**
 * Serializer round trips (serialize a batch of records into a reused buffer, then read them all back) for four
 * record types, each three ways in the same run: Freshet's serializer, a hand-written plain-Java codec of the
 * same record (the baseline), and plain Kryo 5 with the classes registered. Scores are records per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SerializerRoundTripBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class SerializerRoundTripBenchmark {

    private List<Tuple2<String, Integer>> wordCounts;
    private List<Tuple2<Long, Long>> longPairs;
    private List<Records.Order> orders;
    private List<Records.Reading> readings;

    private TypeSerializer<Tuple2<String, Integer>> wordCountSerializer;
    private TypeSerializer<Tuple2<Long, Long>> longPairSerializer;
    private TypeSerializer<Records.Order> orderSerializer;
    private TypeSerializer<Records.Reading> readingSerializer;

    private final DataOutputSerializer out = new DataOutputSerializer(1 << 16);
    private final DataInputDeserializer in = new DataInputDeserializer();
    private final HandWrittenCodecs.Buffer buffer = new HandWrittenCodecs.Buffer();
    private Kryo kryo;
    private final Output kryoOut = new Output(1 << 16, -1);
    private final Input kryoIn = new Input();

    @Setup
    public void setUp() {
        wordCounts = Records.wordCounts(Records.BATCH);
        longPairs = Records.longPairs(Records.BATCH);
        orders = Records.orders(Records.BATCH);
        readings = Records.readings(Records.BATCH);

        SerializerConfigImpl config = new SerializerConfigImpl();
        wordCountSerializer = TypeInformation.of(new TypeHint<Tuple2<String, Integer>>() {}).createSerializer(config);
        longPairSerializer = TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {}).createSerializer(config);
        orderSerializer = TypeInformation.of(Records.Order.class).createSerializer(config);
        readingSerializer = TypeInformation.of(Records.Reading.class).createSerializer(config);

        kryo = new Kryo();
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.register(Tuple2.class);
        kryo.register(Records.Order.class);
        kryo.register(Records.Reading.class);
        kryo.register(double[].class);
    }

    // ---- Tuple2<String, Integer> ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void wordCountFreshet(Blackhole bh) throws IOException {
        freshet(wordCounts, wordCountSerializer, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void wordCountHandWritten(Blackhole bh) {
        buffer.clear();
        for (int i = 0; i < wordCounts.size(); i++) {
            HandWrittenCodecs.writeWordCount(wordCounts.get(i), buffer);
        }
        buffer.flip();
        for (int i = 0; i < wordCounts.size(); i++) {
            bh.consume(HandWrittenCodecs.readWordCount(buffer));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void wordCountKryo(Blackhole bh) {
        kryo(wordCounts, Tuple2.class, bh);
    }

    // ---- Tuple2<Long, Long> ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void longPairFreshet(Blackhole bh) throws IOException {
        freshet(longPairs, longPairSerializer, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void longPairHandWritten(Blackhole bh) {
        buffer.clear();
        for (int i = 0; i < longPairs.size(); i++) {
            HandWrittenCodecs.writeLongPair(longPairs.get(i), buffer);
        }
        buffer.flip();
        for (int i = 0; i < longPairs.size(); i++) {
            bh.consume(HandWrittenCodecs.readLongPair(buffer));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void longPairKryo(Blackhole bh) {
        kryo(longPairs, Tuple2.class, bh);
    }

    // ---- 6-field POJO ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void pojoFreshet(Blackhole bh) throws IOException {
        freshet(orders, orderSerializer, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void pojoHandWritten(Blackhole bh) {
        buffer.clear();
        for (int i = 0; i < orders.size(); i++) {
            HandWrittenCodecs.writeOrder(orders.get(i), buffer);
        }
        buffer.flip();
        for (int i = 0; i < orders.size(); i++) {
            bh.consume(HandWrittenCodecs.readOrder(buffer));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void pojoKryo(Blackhole bh) {
        kryo(orders, Records.Order.class, bh);
    }

    // ---- a generic (Kryo-serialized) class ----

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void genericFreshet(Blackhole bh) throws IOException {
        freshet(readings, readingSerializer, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void genericHandWritten(Blackhole bh) {
        buffer.clear();
        for (int i = 0; i < readings.size(); i++) {
            HandWrittenCodecs.writeReading(readings.get(i), buffer);
        }
        buffer.flip();
        for (int i = 0; i < readings.size(); i++) {
            bh.consume(HandWrittenCodecs.readReading(buffer));
        }
    }

    @Benchmark
    @OperationsPerInvocation(Records.BATCH)
    public void genericKryo(Blackhole bh) {
        kryo(readings, Records.Reading.class, bh);
    }

    // ---- the three ways ----

    private <T> void freshet(List<T> records, TypeSerializer<T> serializer, Blackhole bh) throws IOException {
        out.clear();
        for (int i = 0; i < records.size(); i++) {
            serializer.serialize(records.get(i), out);
        }
        in.setBuffer(out.getSharedBuffer(), 0, out.length());
        for (int i = 0; i < records.size(); i++) {
            bh.consume(serializer.deserialize(in));
        }
    }

    private <T> void kryo(List<T> records, Class<?> type, Blackhole bh) {
        kryoOut.reset();
        for (int i = 0; i < records.size(); i++) {
            kryo.writeObject(kryoOut, records.get(i));
        }
        kryoIn.setBuffer(kryoOut.getBuffer(), 0, kryoOut.position());
        for (int i = 0; i < records.size(); i++) {
            bh.consume(kryo.readObject(kryoIn, type));
        }
    }
}
