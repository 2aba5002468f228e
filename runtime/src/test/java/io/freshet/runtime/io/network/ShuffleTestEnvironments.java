package io.freshet.runtime.io.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.freshet.api.common.JobID;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.NettyShuffleEnvironmentOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.io.network.api.writer.ChannelSelector;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartition;
import io.freshet.runtime.io.network.partition.ResultPartitionDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.io.network.partition.consumer.SingleInputGate;

/**
 * A fixture of real shuffle environments (TaskExecutors' network stacks) in one JVM, talking over loopback, with
 * small buffers so that tests cross many buffer boundaries; checks that every buffer returns to its pool and that
 * no shuffle thread survives.
 */
final class ShuffleTestEnvironments implements AutoCloseable {

    static final int SEGMENT_SIZE = 4096;
    static final int BUFFERS = 256;
    static final String HOST = "127.0.0.1";

    final JobID jobId = new JobID();
    private final Path tempDirectory;
    private final List<NettyShuffleEnvironment> environments = new ArrayList<>();
    private final ExecutorService producers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-producer");
        thread.setDaemon(true);
        return thread;
    });

    ShuffleTestEnvironments(Path tempDirectory) {
        this.tempDirectory = tempDirectory;
    }

    NettyShuffleEnvironment create(String name) throws IOException {
        return create(name, new Configuration());
    }

    NettyShuffleEnvironment create(String name, Configuration config) throws IOException {
        config.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, new MemorySize(SEGMENT_SIZE));
        config.set(NettyShuffleEnvironmentOptions.TMP_DIRS, tempDirectory.toString());
        NettyShuffleEnvironment environment = new NettyShuffleEnvironment(config, new ResourceID(name), HOST, BUFFERS,
                1);
        environments.add(environment);
        return environment;
    }

    ResultPartition partition(NettyShuffleEnvironment environment, ResultPartitionType type, int subpartitions)
            throws IOException {
        return environment.createResultPartition("producer",
                new ResultPartitionDescriptor(jobId, new ResultPartitionID(), type, subpartitions));
    }

    static InputChannelDescriptor remote(NettyShuffleEnvironment producer, ResultPartitionID partitionId,
            int subpartition) {
        return InputChannelDescriptor.remote(partitionId, subpartition, producer.getResourceId(), HOST,
                producer.getDataPort());
    }

    /** Writes the records on a producer thread, finishes and closes the partition; fails it on error. */
    <T> CompletableFuture<Void> produce(ResultPartition partition, ChannelSelector<T> selector,
            TypeSerializer<T> serializer, List<T> records) {
        return CompletableFuture.runAsync(() -> {
            try (RecordWriter<T> writer = new RecordWriter<>(partition, partition, selector, serializer)) {
                for (T record : records) {
                    writer.emit(record);
                }
                writer.flushAll();
                partition.finish();
            } catch (Exception e) {
                partition.fail(e);
                throw new RuntimeException(e);
            } finally {
                partition.close();
            }
        }, producers);
    }

    /** Reads every record of the gate (a new object per record) and closes it. */
    static <T> List<T> consumeAll(SingleInputGate gate, TypeSerializer<T> serializer) throws Exception {
        List<T> records = new ArrayList<>();
        try (RecordReader<T> reader = new RecordReader<>(gate, serializer, false)) {
            T record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    static List<byte[]> randomRecords(Random random, int count, int largest) {
        List<byte[]> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = random.nextInt(50) == 0 ? random.nextInt(largest + 1) : random.nextInt(200);
            byte[] record = new byte[size];
            random.nextBytes(record);
            records.add(record);
        }
        return records;
    }

    static long seed() {
        long seed = System.nanoTime();
        System.out.println("random seed: " + seed);
        return seed;
    }

    static void waitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits until every buffer of every environment is back in its global pool. */
    void assertNoBufferLeaked() {
        for (NettyShuffleEnvironment environment : environments) {
            waitUntil(() -> environment.getNetworkBufferPool().getNumberOfAvailableMemorySegments() == BUFFERS,
                    "all buffers of " + environment.getResourceId() + " are back (available: "
                            + environment.getNetworkBufferPool().getNumberOfAvailableMemorySegments() + ")");
        }
    }

    @Override
    public void close() throws Exception {
        producers.shutdownNow();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (NettyShuffleEnvironment environment : environments) {
            environment.close();
        }
        waitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("freshet-shuffle-")), "no shuffle thread is left");
    }
}
