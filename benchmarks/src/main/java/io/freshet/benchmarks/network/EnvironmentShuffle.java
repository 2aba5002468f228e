package io.freshet.benchmarks.network;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.freshet.api.common.JobID;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.NettyShuffleEnvironmentOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.io.network.NettyShuffleEnvironment;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartition;
import io.freshet.runtime.io.network.partition.ResultPartitionDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.io.network.partition.consumer.SingleInputGate;

/**
 * Freshet's contender in the shuffle benchmarks, through the real network stack: the benchmark thread writes with a
 * {@code RecordWriter} (forward partitioner) into a PIPELINED_BOUNDED {@code ResultPartition}; a consumer thread
 * reads a {@code SingleInputGate} with a {@code RecordReader} (object reuse). Local: one
 * {@code NettyShuffleEnvironment} and a {@code LocalInputChannel}. Remote: two environments in this JVM and a
 * {@code RemoteInputChannel} over loopback, with credit-based flow control.
 *
 * <p>32 KiB buffers, and at most 32 of them in flight, as in the baselines: the partition's pool holds up to 32
 * buffers (2 per channel + 30 floating); remotely, the consumer holds 2 exclusive + up to 30 floating buffers.
 * Producer and consumer each get their own serializer instance, as two tasks do.
 */
final class EnvironmentShuffle<T> extends ShuffleConsumerThread implements LocalShuffle.Shuffle {

    private final List<T> records;
    private final NettyShuffleEnvironment producerEnvironment;
    private final NettyShuffleEnvironment consumerEnvironment;
    private final ResultPartition partition;
    private final SingleInputGate gate;
    private final RecordWriter<T> writer;
    private final Supplier<TypeSerializer<T>> serializers;
    /** Created by the consumer thread, as a consuming task creates its reader (see {@link #run()}). */
    private volatile RecordReader<T> reader;
    private final ToLongFunction<T> checksumOf;
    private long produced;
    private int next;

    EnvironmentShuffle(boolean remote, Supplier<TypeSerializer<T>> serializers, List<T> records,
            ToLongFunction<T> checksumOf) throws IOException {
        super("shuffle-consumer");
        this.records = records;
        this.checksumOf = checksumOf;
        this.producerEnvironment = environment("producer");
        this.consumerEnvironment = remote ? environment("consumer") : producerEnvironment;
        ResultPartitionID partitionId = new ResultPartitionID();
        this.partition = producerEnvironment.createResultPartition("benchmark producer",
                new ResultPartitionDescriptor(new JobID(), partitionId, ResultPartitionType.PIPELINED_BOUNDED, 1));
        InputChannelDescriptor channel = remote
                ? InputChannelDescriptor.remote(partitionId, 0, producerEnvironment.getResourceId(), "127.0.0.1",
                        producerEnvironment.getDataPort())
                : InputChannelDescriptor.local(partitionId, 0);
        this.gate = consumerEnvironment.createInputGate("benchmark consumer", List.of(channel));
        this.writer = new RecordWriter<>(partition, partition, new ForwardPartitioner<>(), serializers.get());
        this.serializers = serializers;
        thread.start();
    }

    private static NettyShuffleEnvironment environment(String name) throws IOException {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, new MemorySize(LocalShuffle.CHUNK_SIZE));
        config.set(NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL, 2);
        config.set(NettyShuffleEnvironmentOptions.NETWORK_EXTRA_BUFFERS_PER_GATE, LocalShuffle.CHUNKS - 2);
        return new NettyShuffleEnvironment(config, new ResourceID(name), "127.0.0.1", 4 * LocalShuffle.CHUNKS, 1);
    }

    @Override
    public void write(int count) throws Exception {
        List<T> records = this.records;
        RecordWriter<T> writer = this.writer;
        int next = this.next;
        for (int i = 0; i < count; i++) {
            writer.emit(records.get(next));
            next = (next + 1) & (LocalShuffle.DISTINCT_RECORDS - 1);
        }
        this.next = next;
        produced += count;
    }

    @Override
    public long drain() throws Exception {
        writer.flushAll();
        awaitConsumed(produced);
        return consumed;
    }

    @Override
    public long checksum() {
        return checksum;
    }

    @Override
    public void run() {
        long sum = 0;
        long count = 0;
        // the consumer's objects are allocated by its own thread, away from the producer's (no false sharing of the
        // cache lines the two threads write per record), as they would be in two tasks
        RecordReader<T> reader = new RecordReader<>(gate, serializers.get(), true);
        this.reader = reader;
        try {
            T record;
            while ((record = reader.next()) != null) {
                sum += checksumOf.applyAsLong(record);
                count++;
                publish(sum, count);
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            checksum = sum;
            consumed = count;
        }
    }

    @Override
    public void close() throws Exception {
        writer.flushAll();
        partition.finish();
        thread.join();
        writer.close();
        RecordReader<T> reader = this.reader;
        if (reader != null) {
            reader.close();
        }
        partition.close();
        consumerEnvironment.close();
        if (consumerEnvironment != producerEnvironment) {
            producerEnvironment.close();
        }
    }
}
