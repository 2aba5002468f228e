package io.freshet.runtime.io.network;

import static io.freshet.runtime.io.network.ShuffleTestEnvironments.consumeAll;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.remote;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.freshet.api.common.functions.Partitioner;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.runtime.io.network.api.writer.BroadcastPartitioner;
import io.freshet.runtime.io.network.api.writer.CustomPartitionerWrapper;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.GlobalPartitioner;
import io.freshet.runtime.io.network.api.writer.KeyGroupStreamPartitioner;
import io.freshet.runtime.io.network.api.writer.RebalancePartitioner;
import io.freshet.runtime.io.network.api.writer.RescalePartitioner;
import io.freshet.runtime.io.network.api.writer.StreamPartitioner;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartition;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.SingleInputGate;

/** Every partitioner writing through a real partition to several consumers, one local and the others remote. */
class PartitionersThroughResultPartitionTest {

    private static final int RECORDS = 20_000;

    @TempDir
    Path tempDirectory;

    private ShuffleTestEnvironments environments;
    private NettyShuffleEnvironment producerTm;
    private NettyShuffleEnvironment consumerTm;

    enum Kind {
        FORWARD, REBALANCE, RESCALE, KEY_GROUP, BROADCAST, GLOBAL, CUSTOM
    }

    @BeforeEach
    void startEnvironments() throws Exception {
        environments = new ShuffleTestEnvironments(tempDirectory);
        producerTm = environments.create("producer-tm");
        consumerTm = environments.create("consumer-tm");
    }

    @AfterEach
    void stopEnvironments() throws Exception {
        environments.close();
    }

    private static final KeySelector<Long, Long> IDENTITY = value -> value;

    private static StreamPartitioner<Long> partitioner(Kind kind) {
        switch (kind) {
            case FORWARD:
                return new ForwardPartitioner<>();
            case REBALANCE:
                return new RebalancePartitioner<>();
            case RESCALE:
                return new RescalePartitioner<>();
            case KEY_GROUP:
                return new KeyGroupStreamPartitioner<>(IDENTITY, 128);
            case BROADCAST:
                return new BroadcastPartitioner<>();
            case GLOBAL:
                return new GlobalPartitioner<>();
            case CUSTOM:
                Partitioner<Long> modulo = (key, partitions) -> (int) Math.floorMod(key, (long) partitions);
                return new CustomPartitionerWrapper<>(modulo, IDENTITY);
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyRecordReachesTheConsumersItsPartitionerChooses(Kind kind) throws Exception {
        int consumers = kind == Kind.FORWARD ? 1 : 3;
        Random random = new Random(seed());
        List<Long> records = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            records.add(random.nextLong());
        }
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED,
                consumers);
        List<SingleInputGate> gates = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            InputChannelDescriptor channel = i == 0 ? InputChannelDescriptor.local(partition.getPartitionId(), 0)
                    : remote(producerTm, partition.getPartitionId(), i);
            gates.add((i == 0 ? producerTm : consumerTm).createInputGate("consumer " + i, List.of(channel)));
        }

        CompletableFuture<Void> producer = environments.produce(partition, partitioner(kind), LongSerializer.INSTANCE,
                records);
        List<CompletableFuture<List<Long>>> received = new ArrayList<>();
        for (SingleInputGate gate : gates) {
            received.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return consumeAll(gate, LongSerializer.INSTANCE);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        producer.get(60, TimeUnit.SECONDS);
        List<List<Long>> perConsumer = new ArrayList<>();
        for (CompletableFuture<List<Long>> consumer : received) {
            perConsumer.add(consumer.get(60, TimeUnit.SECONDS));
        }

        if (kind == Kind.BROADCAST) {
            assertThat(perConsumer).allSatisfy(list -> assertThat(list).containsExactlyElementsOf(records));
        } else {
            List<Long> all = new ArrayList<>();
            perConsumer.forEach(all::addAll);
            assertThat(all).containsExactlyInAnyOrderElementsOf(records);
            StreamPartitioner<Long> reference = partitioner(kind);
            reference.setup(consumers);
            if (kind == Kind.KEY_GROUP || kind == Kind.CUSTOM || kind == Kind.GLOBAL || kind == Kind.FORWARD) {
                for (int i = 0; i < consumers; i++) {
                    int channel = i;
                    assertThat(perConsumer.get(i)).allSatisfy(
                            record -> assertThat(reference.selectChannel(record)).isEqualTo(channel));
                }
            } else {
                // round robin: the consumers' shares differ by at most one record
                assertThat(perConsumer).allSatisfy(list -> assertThat(list.size())
                        .isBetween(RECORDS / consumers, RECORDS / consumers + 1));
            }
        }
        environments.assertNoBufferLeaked();
    }
}
