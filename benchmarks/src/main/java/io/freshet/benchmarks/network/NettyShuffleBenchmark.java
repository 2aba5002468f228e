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
 * Remote shuffle throughput over loopback TCP: records written on the benchmark thread, read by a consumer in the
 * same JVM on the other side of one TCP connection. Two contenders in the same run:
 * <ul>
 *   <li>{@code freshet}: two {@code NettyShuffleEnvironment}s (producer and consumer TaskExecutor):
 *       {@code RecordWriter} → PIPELINED_BOUNDED {@code ResultPartition} → shuffle server → credit-based
 *       {@code RemoteInputChannel} → {@code SingleInputGate} → {@code RecordReader};</li>
 *   <li>{@code plainNetty}: the same serialized bytes in 32 KiB pooled direct {@code ByteBuf}s over one plain Netty
 *       connection, decoded on the receiver's event loop, with a semaphore of 32 chunks as flow control.</li>
 * </ul>
 * Scores are records per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NettyShuffleBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xmx1g"})
public class NettyShuffleBenchmark {

    public static final int BATCH = 1000;

    /** One connection (and its threads) per trial. */
    @State(Scope.Thread)
    public abstract static class ShuffleState {

        @Param({"TUPLE_16B", "BYTES_1KB"})
        public LocalShuffle.RecordType recordType;

        LocalShuffle.Shuffle shuffle;

        abstract boolean freshet();

        @Setup(Level.Trial)
        public void start() throws Exception {
            shuffle = NettyShuffle.create(freshet(), recordType);
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
    public static class PlainNettyState extends ShuffleState {
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
    public void plainNetty(PlainNettyState state) throws Exception {
        state.shuffle.write(BATCH);
    }
}
