package io.freshet.runtime.io.network;

import static io.freshet.runtime.io.network.ShuffleTestEnvironments.consumeAll;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.randomRecords;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.remote;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.seed;
import static io.freshet.runtime.io.network.ShuffleTestEnvironments.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.NettyShuffleEnvironmentOptions;
import io.freshet.runtime.execution.CancelTaskException;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.partition.BoundedBlockingSubpartition;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.PartitionException;
import io.freshet.runtime.io.network.partition.PartitionNotFoundException;
import io.freshet.runtime.io.network.partition.ProducerFailedException;
import io.freshet.runtime.io.network.partition.ResultPartitionDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartition;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.BufferOrEvent;
import io.freshet.runtime.io.network.partition.consumer.SingleInputGate;

class NettyShuffleEnvironmentTest {

    @TempDir
    Path tempDirectory;

    private ShuffleTestEnvironments environments;
    private NettyShuffleEnvironment producerTm;
    private NettyShuffleEnvironment consumerTm;

    @BeforeEach
    void startEnvironments() throws IOException {
        environments = new ShuffleTestEnvironments(tempDirectory);
        producerTm = environments.create("producer-tm");
        consumerTm = environments.create("consumer-tm");
    }

    @AfterEach
    void stopEnvironments() throws Exception {
        environments.close();
    }

    // ---- pipelined exchanges ----

    @Test
    void pipelinedLocalExchangeDeliversEveryRecordInOrder() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 5_000, 10 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = producerTm.createInputGate("consumer",
                List.of(InputChannelDescriptor.local(partition.getPartitionId(), 0)));

        CompletableFuture<Void> producer = environments.produce(partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);
        List<byte[]> received = consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE);

        producer.get(30, TimeUnit.SECONDS);
        assertThat(received).containsExactlyElementsOf(records);
        assertThat(producerTm.getResultPartitionManager().isRegistered(partition.getPartitionId()))
                .as("a consumed pipelined partition is released").isFalse();
        environments.assertNoBufferLeaked();
    }

    @Test
    void pipelinedRemoteExchangeDeliversEveryRecordInOrderWithinCredit() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 5_000, 10 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));

        CompletableFuture<Void> producer = environments.produce(partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);
        List<byte[]> received = consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE);

        producer.get(30, TimeUnit.SECONDS);
        assertThat(received).containsExactlyElementsOf(records);
        assertThat(producerTm.getServer().getCreditViolations()).isZero();
        assertThat(producerTm.getServer().getDataBuffersSent())
                .isPositive()
                .isLessThanOrEqualTo(producerTm.getServer().getCreditsReceived());
        waitUntil(() -> !producerTm.getResultPartitionManager().isRegistered(partition.getPartitionId()),
                "the consumed partition is released");
        environments.assertNoBufferLeaked();
    }

    @Test
    void aRemoteChannelGoesOnAfterACheckpointBarrier() throws Exception {
        List<byte[]> before = randomRecords(new Random(seed()), 2_000, 2 * ShuffleTestEnvironments.SEGMENT_SIZE);
        List<byte[]> after = randomRecords(new Random(seed() + 1), 2_000, 2 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));

        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (RecordWriter<byte[]> writer = new RecordWriter<>(partition, partition, new ForwardPartitioner<>(),
                    BytePrimitiveArraySerializer.INSTANCE)) {
                for (byte[] record : before) {
                    writer.emit(record);
                }
                writer.broadcastEvent(new io.freshet.runtime.checkpoint.CheckpointBarrier(1, 0));
                for (byte[] record : after) {
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
        });
        // on a thread of its own: a consumer that hears nothing after the barrier would wait forever
        CompletableFuture<List<byte[]>> consumer = CompletableFuture.supplyAsync(() -> {
            try {
                return consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });

        producer.get(30, TimeUnit.SECONDS);
        assertThat(consumer.get(30, TimeUnit.SECONDS)).as("the records before and after the barrier")
                .hasSize(before.size() + after.size())
                .startsWith(before.toArray(new byte[0][]))
                .endsWith(after.toArray(new byte[0][]));
        environments.assertNoBufferLeaked();
    }

    @Test
    void remoteChannelsToOneTaskExecutorShareOneConnection() throws Exception {
        ResultPartition first = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 2);
        List<byte[]> records = randomRecords(new Random(seed()), 500, 100);
        SingleInputGate gate = consumerTm.createInputGate("consumer", List.of(
                remote(producerTm, first.getPartitionId(), 0), remote(producerTm, first.getPartitionId(), 1)));

        CompletableFuture<Void> producer = environments.produce(first,
                new io.freshet.runtime.io.network.api.writer.RebalancePartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);
        List<byte[]> received = consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE);

        producer.get(30, TimeUnit.SECONDS);
        assertThat(received).hasSize(records.size());
        assertThat(consumerTm.getClient().getNumberOfConnections()).isEqualTo(1);
        environments.assertNoBufferLeaked();
    }

    // ---- backpressure ----

    @Test
    void slowConsumerBackpressuresTheProducerAndLosesNothing() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 20_000, 2 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));
        gate.requestPartitions();
        CompletableFuture<Void> producer = environments.produce(partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);

        // the consumer reads nothing until the producer is stuck waiting for a buffer
        waitUntil(() -> isWaiting("test-producer") && partition.getBufferPool().getNumberOfAvailableMemorySegments() == 0,
                "the producer waits for a buffer");
        assertThat(producer).isNotDone();
        List<byte[]> received = consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE);

        producer.get(30, TimeUnit.SECONDS);
        assertThat(received).containsExactlyElementsOf(records);
        assertThat(partition.getBackPressuredTimeNanos()).isPositive();
        assertThat(producerTm.getServer().getCreditViolations()).isZero();
        environments.assertNoBufferLeaked();
    }

    @Test
    void consumerWaitingForInputCountsIdleTime() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = producerTm.createInputGate("consumer",
                List.of(InputChannelDescriptor.local(partition.getPartitionId(), 0)));
        CompletableFuture<Optional<BufferOrEvent>> first = new CompletableFuture<>();
        Thread consumer = new Thread(() -> {
            try {
                first.complete(gate.getNext());
            } catch (Throwable e) {
                first.completeExceptionally(e);
            }
        }, "test-consumer");
        consumer.start();
        waitUntil(() -> isWaiting("test-consumer"), "the consumer waits for input");

        environments.produce(partition, new ForwardPartitioner<>(), BytePrimitiveArraySerializer.INSTANCE,
                List.of(new byte[10])).get(30, TimeUnit.SECONDS);
        Optional<BufferOrEvent> next = first.get(30, TimeUnit.SECONDS);

        assertThat(next).hasValueSatisfying(bufferOrEvent -> assertThat(bufferOrEvent.isBuffer()).isTrue());
        next.get().getBuffer().recycleBuffer();
        assertThat(gate.getIdleTimeNanos()).isPositive();
        consumer.join();
        gate.close();
        environments.assertNoBufferLeaked();
    }

    // ---- blocking partitions ----

    @Test
    void blockingPartitionIsReadTwiceAndItsFilesAreDeletedOnRelease() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 3_000, 10 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.BLOCKING, 2);
        environments.produce(partition, new io.freshet.runtime.io.network.api.writer.RebalancePartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records).get(30, TimeUnit.SECONDS);
        List<Path> files = List.of(((BoundedBlockingSubpartition) partition.getSubpartition(0)).getFile(),
                ((BoundedBlockingSubpartition) partition.getSubpartition(1)).getFile());
        assertThat(files).allMatch(Files::exists);

        ResultPartitionID id = partition.getPartitionId();
        List<byte[]> firstRead = consumeAll(producerTm.createInputGate("local reader", List.of(
                InputChannelDescriptor.local(id, 0), InputChannelDescriptor.local(id, 1))),
                BytePrimitiveArraySerializer.INSTANCE);
        List<byte[]> secondRead = consumeAll(consumerTm.createInputGate("remote reader", List.of(
                remote(producerTm, id, 0), remote(producerTm, id, 1))), BytePrimitiveArraySerializer.INSTANCE);

        assertThat(firstRead).hasSize(records.size()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(secondRead).hasSize(records.size()).containsExactlyInAnyOrderElementsOf(records);
        assertThat(producerTm.getResultPartitionManager().isRegistered(id)).isTrue();

        producerTm.releasePartitionsOfJob(environments.jobId);

        assertThat(files).noneMatch(Files::exists);
        assertThat(producerTm.getResultPartitionManager().isRegistered(id)).isFalse();
        environments.assertNoBufferLeaked();
    }

    @Test
    void blockingPartitionIsNotReadableBeforeItsProducerFinished() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.BLOCKING, 1);
        SingleInputGate gate = producerTm.createInputGate("early reader",
                List.of(InputChannelDescriptor.local(partition.getPartitionId(), 0)));

        assertThatThrownBy(gate::getNext)
                .isInstanceOf(PartitionException.class)
                .hasMessageContaining(partition.getPartitionId().toString())
                .hasMessageContaining("not finished");
        gate.close();
        partition.close();
        producerTm.releasePartitionsOfJob(environments.jobId);
        environments.assertNoBufferLeaked();
    }

    // ---- failures ----

    // ---- producer and consumer deployed at the same time ----

    @Test
    void localConsumerAskingBeforeTheProducerRegisteredRetriesAndReadsEverything() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 1_000, 3 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartitionID partitionId = new ResultPartitionID();
        SingleInputGate gate = producerTm.createInputGate("early consumer",
                List.of(InputChannelDescriptor.local(partitionId, 0)));
        gate.requestPartitions();
        assertThat(gate.getChannel(0).getCurrentBackoffMillis()).as("the first request missed").isEqualTo(100);

        ResultPartition partition = producerTm.createResultPartition("late producer",
                new ResultPartitionDescriptor(environments.jobId, partitionId, ResultPartitionType.PIPELINED_BOUNDED, 1));
        CompletableFuture<Void> producer = environments.produce(partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);

        assertThat(consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE)).containsExactlyElementsOf(records);
        producer.get(30, TimeUnit.SECONDS);
        environments.assertNoBufferLeaked();
    }

    @Test
    void remoteConsumerAskingBeforeTheProducerRegisteredRetriesWithItsCreditAndReadsEverything() throws Exception {
        List<byte[]> records = randomRecords(new Random(seed()), 5_000, 3 * ShuffleTestEnvironments.SEGMENT_SIZE);
        ResultPartitionID partitionId = new ResultPartitionID();
        SingleInputGate gate = consumerTm.createInputGate("early consumer", List.of(remote(producerTm, partitionId, 0)));
        gate.requestPartitions();
        waitUntil(() -> gate.getChannel(0).getCurrentBackoffMillis() > 0, "the producer rejected the first request");

        ResultPartition partition = producerTm.createResultPartition("late producer",
                new ResultPartitionDescriptor(environments.jobId, partitionId, ResultPartitionType.PIPELINED_BOUNDED, 1));
        CompletableFuture<Void> producer = environments.produce(partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE, records);

        assertThat(consumeAll(gate, BytePrimitiveArraySerializer.INSTANCE)).containsExactlyElementsOf(records);
        producer.get(30, TimeUnit.SECONDS);
        assertThat(producerTm.getServer().getCreditViolations()).isZero();
        environments.assertNoBufferLeaked();
    }

    // ---- failures ----

    /** A consumer TaskExecutor that gives up on a missing partition after 10 + 20 + 40 ms of retries. */
    private NettyShuffleEnvironment impatientConsumer() throws IOException {
        Configuration config = new Configuration();
        config.set(NettyShuffleEnvironmentOptions.NETWORK_REQUEST_BACKOFF_INITIAL, 10);
        config.set(NettyShuffleEnvironmentOptions.NETWORK_REQUEST_BACKOFF_MAX, 40);
        return environments.create("impatient-consumer-tm", config);
    }

    @Test
    void unknownPartitionFailsTheRemoteConsumerNamingPartitionAndProducer() throws Exception {
        ResultPartitionID unknown = new ResultPartitionID();
        NettyShuffleEnvironment consumerTm = impatientConsumer();
        SingleInputGate gate = consumerTm.createInputGate("consumer", List.of(remote(producerTm, unknown, 0)));

        assertThatThrownBy(gate::getNext)
                .isInstanceOf(PartitionException.class)
                .hasMessageContaining(unknown.toString())
                .hasMessageContaining("127.0.0.1:" + producerTm.getDataPort())
                .hasRootCauseInstanceOf(PartitionNotFoundException.class);
        gate.close();
        environments.assertNoBufferLeaked();
    }

    @Test
    void unknownPartitionFailsTheLocalConsumer() throws Exception {
        ResultPartitionID unknown = new ResultPartitionID();
        NettyShuffleEnvironment consumerTm = impatientConsumer();
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(InputChannelDescriptor.local(unknown, 0)));

        assertThatThrownBy(gate::getNext)
                .isInstanceOf(PartitionException.class)
                .hasMessageContaining(unknown.toString())
                .hasRootCauseInstanceOf(PartitionNotFoundException.class);
        gate.close();
    }

    @Test
    void producerFailureCancelsTheLocalConsumer() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = producerTm.createInputGate("consumer",
                List.of(InputChannelDescriptor.local(partition.getPartitionId(), 0)));
        gate.requestPartitions();

        partition.fail(new IllegalStateException("user code failed: boom"));
        partition.close();

        // not the consumer's failure: a cancellation naming the producer's
        assertThatThrownBy(() -> {
            while (gate.getNext().isPresent()) {
                // drain until the failure arrives
            }
        }).isInstanceOf(ProducerFailedException.class)
                .hasMessageContaining(partition.getPartitionId().toString())
                .hasMessageContaining("boom");
        gate.close();
        environments.assertNoBufferLeaked();
    }

    @Test
    void producerWhoseConsumersStoppedIsCancelledAtItsNextBufferAndKeepsItsPoolUntilItCloses() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE);
        writer.emit(new byte[100]);
        writer.flushAll();
        Optional<BufferOrEvent> first = gate.getNext();
        assertThat(first).isPresent();
        first.get().getBuffer().recycleBuffer();

        gate.close(); // the consumer failed
        waitUntil(partition::isReleased, "the partition is released once its only reader stopped");

        assertThat(partition.getBufferPool().isDestroyed()).as("the pool stays with the producer").isFalse();
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10 * ShuffleTestEnvironments.BUFFERS; i++) {
                writer.emit(new byte[1000]);
            }
        }).isInstanceOf(CancelTaskException.class).hasMessageContaining(partition.getPartitionId().toString());

        writer.close();
        partition.fail(new CancelTaskException("The task was cancelled."));
        partition.close();
        assertThat(partition.getBufferPool().isDestroyed()).isTrue();
        environments.assertNoBufferLeaked();
    }

    @Test
    void producerFailureIsReportedToTheRemoteConsumer() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));
        try (RecordWriter<byte[]> writer = new RecordWriter<>(partition, partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE)) {
            writer.emit(new byte[100]);
            writer.flushAll();
        }
        Optional<BufferOrEvent> first = gate.getNext();
        assertThat(first).isPresent();
        first.get().getBuffer().recycleBuffer();

        partition.fail(new IllegalStateException("user code failed: boom"));
        partition.close();

        // not the consumer's failure: a cancellation naming the producer's
        assertThatThrownBy(() -> {
            while (gate.getNext().isPresent()) {
                // drain until the failure arrives
            }
        }).isInstanceOf(ProducerFailedException.class)
                .hasMessageContaining(partition.getPartitionId().toString())
                .hasMessageContaining("127.0.0.1:" + producerTm.getDataPort())
                .hasMessageContaining("boom");
        gate.close();
        environments.assertNoBufferLeaked();
    }

    @Test
    void lostConnectionFailsTheConsumerFast() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.PIPELINED_BOUNDED, 1);
        SingleInputGate gate = consumerTm.createInputGate("consumer",
                List.of(remote(producerTm, partition.getPartitionId(), 0)));
        RecordWriter<byte[]> writer = new RecordWriter<>(partition, partition, new ForwardPartitioner<>(),
                BytePrimitiveArraySerializer.INSTANCE);
        writer.emit(new byte[100]);
        writer.flushAll();
        Optional<BufferOrEvent> first = gate.getNext();
        assertThat(first).isPresent();
        first.get().getBuffer().recycleBuffer();

        producerTm.getServer().closeAllConnections();

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try {
                while (gate.getNext().isPresent()) {
                    // until the failure
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThatThrownBy(() -> drained.get(10, TimeUnit.SECONDS))
                .rootCause()
                .hasMessageContaining("connection")
                .hasMessageContaining("127.0.0.1:" + producerTm.getDataPort());
        Throwable error = drained.handle((ok, e) -> e).get();
        assertThat(error).hasStackTraceContaining(partition.getPartitionId().toString());
        gate.close();
        writer.close();
        partition.fail(new IOException("consumer gone"));
        partition.close();
        environments.assertNoBufferLeaked();
    }

    @Test
    void closingEveryEnvironmentLeavesNoThreadAndNoFile() throws Exception {
        ResultPartition partition = environments.partition(producerTm, ResultPartitionType.BLOCKING, 1);
        environments.produce(partition, new ForwardPartitioner<>(), BytePrimitiveArraySerializer.INSTANCE,
                randomRecords(new Random(seed()), 100, 100)).get(30, TimeUnit.SECONDS);

        environments.close();

        try (Stream<Path> left = Files.list(tempDirectory)) {
            assertThat(left).isEmpty();
        }
        environments = new ShuffleTestEnvironments(tempDirectory);
    }

    private static boolean isWaiting(String threadName) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(threadName) && thread.getState() == Thread.State.WAITING) {
                return true;
            }
        }
        return false;
    }
}
