package io.freshet.benchmarks.network;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Local shuffle throughput: records written on the benchmark thread, read on a consumer thread, through a bounded
 * queue of 32 KiB chunks ({@value LocalShuffle#CHUNKS} in flight). Two contenders in the same run:
 * <ul>
 *   <li>{@code freshet}: {@code RecordWriter} serializing into network buffers from a {@code NetworkBufferPool},
 *       an {@code ArrayBlockingQueue} of buffers, {@code SpanningRecordDeserializer} with object reuse on the
 *       consumer, buffers recycled to the pool;</li>
 *   <li>{@code handWritten}: the same bytes framed by hand into {@code byte[]} chunks (a big-endian
 *       {@code VarHandle} view, records never split), the same kind of queue, chunks returned through a free
 *       list.</li>
 * </ul>
 * The queue's bound applies backpressure, so the producer's rate is the pipeline's rate; every iteration ends by
 * draining. Scores are records per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LocalShuffleBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class LocalShuffleBenchmark {

    public static final int BATCH = 1000;

    /** One shuffle (producer state + consumer thread) per trial. */
    @State(Scope.Thread)
    public abstract static class ShuffleState {

        @Param({"TUPLE_16B", "BYTES_1KB"})
        public LocalShuffle.RecordType recordType;

        LocalShuffle.Shuffle shuffle;

        abstract boolean freshet();

        @Setup(Level.Trial)
        public void start() throws Exception {
            shuffle = LocalShuffle.create(freshet(), recordType);
        }

        @TearDown(Level.Iteration)
        public void drain() throws Exception {
            shuffle.drain();
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            shuffle.close();
        }
    }

    @State(Scope.Thread)
    public static class FreshetState extends ShuffleState {
        @Override
        boolean freshet() {
            return true;
        }
    }

    @State(Scope.Thread)
    public static class HandWrittenState extends ShuffleState {
        @Override
        boolean freshet() {
            return false;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void freshet(FreshetState state) throws Exception {
        state.shuffle.write(BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handWritten(HandWrittenState state) throws Exception {
        state.shuffle.write(BATCH);
    }
}
