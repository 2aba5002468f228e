package io.freshet.runtime.io.network.api.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.ByteSerializer;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.ChannelReader;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferPool;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.buffer.NetworkBufferPool;

class RecordWriterRoundTripTest {

    private NetworkBufferPool globalPool;
    private BufferPool pool;

    @AfterEach
    void destroyPools() {
        if (globalPool != null) {
            globalPool.destroy();
        }
    }

    // ---- fixture ----

    /** Delivers each emitted buffer straight to the channel's reader, which recycles it as soon as it is read. */
    private static final class DirectPartition<T> implements ResultPartitionWriter {
        final List<ChannelReader<T>> readers = new ArrayList<>();

        DirectPartition(int channels, TypeSerializer<T> serializer, boolean reuse, Function<T, Object> copy) {
            for (int i = 0; i < channels; i++) {
                readers.add(new ChannelReader<>(serializer, reuse, copy));
            }
        }

        @Override
        public int getNumberOfSubpartitions() {
            return readers.size();
        }

        @Override
        public void emitBuffer(int subpartition, Buffer buffer) throws IOException {
            readers.get(subpartition).accept(buffer);
        }
    }

    /** A pool that fails instead of blocking: a leaked buffer shows up as an error, not a hanging test. */
    private static final class NonBlockingProvider implements BufferProvider {
        private final BufferPool pool;

        NonBlockingProvider(BufferPool pool) {
            this.pool = pool;
        }

        @Override
        public Buffer requestBuffer() {
            return pool.requestBuffer();
        }

        @Override
        public Buffer requestBufferBlocking() {
            Buffer buffer = pool.requestBuffer();
            if (buffer == null) {
                throw new AssertionError("the buffer pool is exhausted: buffers were not recycled");
            }
            return buffer;
        }

        @Override
        public int getMemorySegmentSize() {
            return pool.getMemorySegmentSize();
        }

        @Override
        public boolean isDestroyed() {
            return pool.isDestroyed();
        }

        @Override
        public CompletableFuture<?> getAvailableFuture() {
            return pool.getAvailableFuture();
        }
    }

    /** A pool with one buffer per channel plus one to spare: enough only if every reader recycles at once. */
    private BufferProvider provider(int segmentSize, int channels) throws IOException {
        globalPool = new NetworkBufferPool(channels + 1, segmentSize);
        pool = globalPool.createBufferPool(channels + 1, channels + 1);
        return new NonBlockingProvider(pool);
    }

    private void assertAllBuffersBack() {
        assertThat(pool.getNumberOfAvailableMemorySegments()).isEqualTo(pool.getNumberOfRequestedMemorySegments());
        pool.lazyDestroy();
        assertThat(globalPool.getNumberOfAvailableMemorySegments())
                .isEqualTo(globalPool.getTotalNumberOfMemorySegments());
    }

    private static Object bytes(byte[] record) {
        return ByteBuffer.wrap(record.clone());
    }

    // ---- tests ----

    @Test
    void randomRecordsOfRandomSizesWithBroadcastsAndEventsRoundTripOnTinyAndDefaultBuffers() throws Exception {
        long seed = System.nanoTime();
        System.out.println("RecordWriterRoundTripTest seed: " + seed);
        for (int segmentSize : new int[] {32, 32 * 1024}) {
            Random random = new Random(seed + segmentSize);
            int channels = 3;
            DirectPartition<byte[]> partition = new DirectPartition<>(channels,
                    BytePrimitiveArraySerializer.INSTANCE, random.nextBoolean(), RecordWriterRoundTripTest::bytes);
            RecordWriter<byte[]> writer = new RecordWriter<>(partition, provider(segmentSize, channels),
                    new RebalancePartitioner<>(), BytePrimitiveArraySerializer.INSTANCE);
            List<List<Object>> expected = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                expected.add(new ArrayList<>());
            }

            for (int i = 0; i < 3_000; i++) {
                int kind = random.nextInt(100);
                if (kind < 2) {
                    writer.broadcastEvent(EndOfPartitionEvent.INSTANCE);
                    expected.forEach(list -> list.add(EndOfPartitionEvent.INSTANCE));
                    continue;
                }
                if (kind < 4) {
                    writer.flushAll();
                    continue;
                }
                byte[] record = new byte[randomSize(random, segmentSize)];
                random.nextBytes(record);
                if (kind < 8) {
                    writer.broadcastEmit(record);
                    expected.forEach(list -> list.add(ByteBuffer.wrap(record)));
                } else {
                    int channel = random.nextInt(channels);
                    writer.emit(record, channel);
                    expected.get(channel).add(ByteBuffer.wrap(record));
                }
            }
            writer.flushAll();
            writer.close();

            for (int channel = 0; channel < channels; channel++) {
                assertThat(partition.readers.get(channel).getReceived())
                        .as("channel %d, buffers of %d bytes, seed %d", channel, segmentSize, seed)
                        .containsExactlyElementsOf(expected.get(channel));
                assertThat(partition.readers.get(channel).hasUnfinishedData()).isFalse();
            }
            assertAllBuffersBack();
        }
    }

    /** Mostly small records, some of about a buffer, some of ten buffers. */
    private static int randomSize(Random random, int segmentSize) {
        int dice = random.nextInt(100);
        if (dice < 70) {
            return random.nextInt(40);
        }
        if (dice < 95) {
            return random.nextInt(2 * segmentSize);
        }
        return 10 * segmentSize + random.nextInt(segmentSize);
    }

    @Test
    void lengthFieldsLandAtEveryOffsetOfATinyBuffer() throws Exception {
        int segmentSize = 32;
        for (int filler = 0; filler < 2 * segmentSize; filler++) {
            DirectPartition<byte[]> partition = new DirectPartition<>(1, BytePrimitiveArraySerializer.INSTANCE, false,
                    RecordWriterRoundTripTest::bytes);
            RecordWriter<byte[]> writer = new RecordWriter<>(partition, provider(segmentSize, 1),
                    new ForwardPartitioner<>(), BytePrimitiveArraySerializer.INSTANCE);
            List<Object> expected = new ArrayList<>();
            // the filler (8 + filler bytes framed) moves the next length field to offset (8 + filler) % 32
            for (byte[] record : new byte[][] {new byte[filler], {1, 2, 3}, new byte[50], {}, {9}}) {
                if (record.length > 0) {
                    record[record.length - 1] = (byte) filler;
                }
                writer.emit(record);
                expected.add(ByteBuffer.wrap(record));
            }
            writer.flushAll();

            assertThat(partition.readers.get(0).getReceived()).as("filler %d", filler)
                    .containsExactlyElementsOf(expected);
            writer.close();
            assertAllBuffersBack();
            globalPool.destroy();
        }
    }

    @Test
    void oneByteRecordsFillBuffersWithoutGapsOrLoss() throws Exception {
        DirectPartition<Byte> partition = new DirectPartition<>(2, ByteSerializer.INSTANCE, false, b -> b);
        RecordWriter<Byte> writer = new RecordWriter<>(partition, provider(32, 2), new RescalePartitioner<>(),
                ByteSerializer.INSTANCE);
        List<Object> expected0 = new ArrayList<>();
        List<Object> expected1 = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            writer.emit((byte) i);
            (i % 2 == 0 ? expected0 : expected1).add((byte) i);
        }
        writer.flushAll();

        assertThat(partition.readers.get(0).getReceived()).containsExactlyElementsOf(expected0);
        assertThat(partition.readers.get(1).getReceived()).containsExactlyElementsOf(expected1);
        // 5 framed bytes per record: 5,000 records per channel in 32-byte buffers, full ones handed on at once
        assertThat(partition.readers.get(0).getBuffersReceived()).isEqualTo((5_000 * 5 + 31) / 32);
        writer.close();
        assertAllBuffersBack();
    }

    @Test
    void keyedTuplesArriveAtTheChannelOfTheirKeyGroupWithObjectReuse() throws Exception {
        TypeSerializer<Tuple2<Long, Long>> serializer =
                TypeInformation.of(new TypeHint<Tuple2<Long, Long>>() {}).createSerializer(new SerializerConfigImpl());
        int channels = 4;
        DirectPartition<Tuple2<Long, Long>> partition = new DirectPartition<>(channels, serializer, true,
                t -> Tuple2.of(t.f0, t.f1));
        KeyGroupStreamPartitioner<Tuple2<Long, Long>, Long> byKey = new KeyGroupStreamPartitioner<>(t -> t.f0, 128);
        RecordWriter<Tuple2<Long, Long>> writer =
                new RecordWriter<>(partition, provider(1024, channels), byKey, serializer);
        Tuple2<Long, Long> record = new Tuple2<>();

        for (long i = 0; i < 20_000; i++) {
            record.f0 = i % 1_000;
            record.f1 = i;
            writer.emit(record);
        }
        writer.flushAll();

        long total = 0;
        for (int channel = 0; channel < channels; channel++) {
            for (Object received : partition.readers.get(channel).getReceived()) {
                @SuppressWarnings("unchecked")
                Tuple2<Long, Long> t = (Tuple2<Long, Long>) received;
                assertThat(t.f1 % 1_000).isEqualTo(t.f0);
                assertThat(io.freshet.runtime.state.KeyGroupRangeAssignment.assignKeyToParallelOperator(t.f0, 128,
                        channels)).isEqualTo(channel);
                total++;
            }
        }
        assertThat(total).isEqualTo(20_000);
        writer.close();
        assertAllBuffersBack();
    }

    @Test
    void aRecordWhoseSerializationFailsLeavesNoBytesBehind() throws Exception {
        TypeSerializer<Tuple2<String, Long>> serializer = TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {})
                .createSerializer(new SerializerConfigImpl());
        DirectPartition<Tuple2<String, Long>> partition = new DirectPartition<>(1, serializer, false, t -> t);
        RecordWriter<Tuple2<String, Long>> writer =
                new RecordWriter<>(partition, provider(32, 1), new GlobalPartitioner<>(), serializer);

        writer.emit(Tuple2.of("a", 1L));
        // a long string overflows the buffer before the null field fails; a short one fails in place
        assertThatThrownBy(() -> writer.emit(Tuple2.of("x".repeat(100), null))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> writer.emit(Tuple2.of("y", null))).isInstanceOf(RuntimeException.class);
        writer.emit(Tuple2.of("b", 2L));
        writer.flushAll();

        assertThat(partition.readers.get(0).getReceived()).containsExactly(Tuple2.of("a", 1L), Tuple2.of("b", 2L));
        writer.close();
        assertAllBuffersBack();
    }

    @Test
    void eventsFollowEveryRecordWrittenBeforeThem() throws Exception {
        DirectPartition<Byte> partition = new DirectPartition<>(2, ByteSerializer.INSTANCE, false, b -> b);
        RecordWriter<Byte> writer = new RecordWriter<>(partition, provider(64, 2), new BroadcastPartitioner<>(),
                ByteSerializer.INSTANCE);

        writer.emit((byte) 1);
        writer.broadcastEvent(EndOfPartitionEvent.INSTANCE);

        for (ChannelReader<Byte> reader : partition.readers) {
            assertThat(reader.getReceived()).containsExactly((byte) 1, EndOfPartitionEvent.INSTANCE);
        }
        writer.close();
        assertAllBuffersBack();
    }

    @Test
    void closeRecyclesUnflushedBuffers() throws Exception {
        DirectPartition<Byte> partition = new DirectPartition<>(3, ByteSerializer.INSTANCE, false, b -> b);
        RecordWriter<Byte> writer = new RecordWriter<>(partition, provider(64, 3), new RebalancePartitioner<>(),
                ByteSerializer.INSTANCE);
        for (int i = 0; i < 10; i++) {
            writer.emit((byte) i);
        }

        writer.close();

        assertThat(partition.readers).allSatisfy(reader -> assertThat(reader.getReceived()).isEmpty());
        assertAllBuffersBack();
    }
}
