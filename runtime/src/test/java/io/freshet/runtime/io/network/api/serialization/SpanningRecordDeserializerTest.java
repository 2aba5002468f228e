package io.freshet.runtime.io.network.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferRecycler;
import io.freshet.runtime.io.network.buffer.NetworkBuffer;
import io.freshet.runtime.plugable.NonReusingDeserializationDelegate;

class SpanningRecordDeserializerTest {

    /** A framed stream (length + bytes per record) of byte arrays, as BufferWritingView writes it. */
    private static byte[] framedStream(List<byte[]> records) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        DataOutputSerializer record = new DataOutputSerializer(64);
        for (byte[] r : records) {
            record.clear();
            BytePrimitiveArraySerializer.INSTANCE.serialize(r, record);
            out.writeInt(record.length());
            out.write(record.getSharedBuffer(), 0, record.length());
        }
        return out.getCopyOfBuffer();
    }

    private static List<Buffer> cut(byte[] stream, int bufferSize, boolean offHeap, BufferRecycler recycler) {
        List<Buffer> buffers = new ArrayList<>();
        for (int start = 0; start < stream.length; start += bufferSize) {
            int n = Math.min(bufferSize, stream.length - start);
            MemorySegment segment = offHeap ? MemorySegmentFactory.allocateUnpooledOffHeapMemory(bufferSize)
                    : MemorySegmentFactory.allocateUnpooledSegment(bufferSize);
            segment.put(0, stream, start, n);
            buffers.add(new NetworkBuffer(segment, recycler, Buffer.DataType.DATA_BUFFER, n));
        }
        return buffers;
    }

    /**
     * Unaligned checkpoints cut a stream between any two buffers: the unfinished record's bytes, copied there and
     * fed to a fresh deserializer before the rest of the stream, complete that record.
     */
    @Test
    void anUnfinishedRecordCopiedBetweenBuffersContinuesInAFreshDeserializer() throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] r = new byte[i * 3];
            java.util.Arrays.fill(r, (byte) i);
            records.add(r);
        }
        byte[] stream = framedStream(records);
        List<ByteBuffer> expected = records.stream().map(ByteBuffer::wrap).toList();
        for (int bufferSize = 1; bufferSize <= 23; bufferSize++) {
            int buffers = cut(stream, bufferSize, false, segment -> {}).size();
            for (int cutAt = 0; cutAt <= buffers; cutAt++) {
                List<Buffer> all = cut(stream, bufferSize, false, segment -> {});
                ChannelReader<byte[]> before = new ChannelReader<>(BytePrimitiveArraySerializer.INSTANCE, false,
                        r -> ByteBuffer.wrap(r.clone()));
                for (Buffer buffer : all.subList(0, cutAt)) {
                    before.accept(buffer);
                }
                byte[] unfinished = before.copyUnfinishedRecord();
                assertThat(unfinished == null).isEqualTo(!before.hasUnfinishedData());

                ChannelReader<byte[]> after = new ChannelReader<>(BytePrimitiveArraySerializer.INSTANCE, false,
                        r -> ByteBuffer.wrap(r.clone()));
                if (unfinished != null) {
                    after.accept(new NetworkBuffer(MemorySegmentFactory.wrap(unfinished), segment -> {},
                            Buffer.DataType.DATA_BUFFER, unfinished.length));
                }
                for (Buffer buffer : all.subList(cutAt, all.size())) {
                    after.accept(buffer);
                }
                List<Object> received = new ArrayList<>(before.getReceived());
                received.addAll(after.getReceived());
                assertThat(received).as("buffer size %d, cut after buffer %d", bufferSize, cutAt)
                        .containsExactlyElementsOf(expected);
                assertThat(after.hasUnfinishedData()).isFalse();
            }
        }
    }

    @Test
    void recordsAndLengthFieldsSplitAtEveryOffsetAreReassembled() throws IOException {
        long seed = System.nanoTime();
        System.out.println("SpanningRecordDeserializerTest seed: " + seed);
        Random random = new Random(seed);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] r = new byte[i < 20 ? i : random.nextInt(100)];
            random.nextBytes(r);
            records.add(r);
        }
        byte[] stream = framedStream(records);

        // buffer sizes 1..41 put every length field and record boundary at every offset within a buffer
        for (int bufferSize = 1; bufferSize <= 41; bufferSize++) {
            AtomicInteger recycled = new AtomicInteger();
            List<Buffer> buffers = cut(stream, bufferSize, bufferSize % 2 == 0, segment -> recycled.incrementAndGet());
            ChannelReader<byte[]> reader = new ChannelReader<>(BytePrimitiveArraySerializer.INSTANCE,
                    bufferSize % 3 == 0, r -> ByteBuffer.wrap(r.clone()));

            for (Buffer buffer : buffers) {
                reader.accept(buffer);
            }

            assertThat(reader.getReceived()).as("buffer size %d (seed %d)", bufferSize, seed)
                    .containsExactlyElementsOf(records.stream().map(ByteBuffer::wrap).toList());
            assertThat(recycled.get()).isEqualTo(buffers.size());
            assertThat(reader.hasUnfinishedData()).isFalse();
        }
    }

    @Test
    void resultsSayWhetherTheRecordIsCompleteAndTheBufferConsumed() throws IOException {
        // two 4-byte ints (8 bytes framed each) in buffers of 12 bytes: 12 | 4
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(4);
        out.writeInt(7);
        out.writeInt(4);
        out.writeInt(8);
        List<Buffer> buffers = cut(out.getCopyOfBuffer(), 12, true, BufferRecycler.DeallocatingRecycler.INSTANCE);
        SpanningRecordDeserializer<Integer> deserializer = new SpanningRecordDeserializer<>();
        NonReusingDeserializationDelegate<Integer> target = new NonReusingDeserializationDelegate<>(
                IntSerializer.INSTANCE);

        deserializer.setNextBuffer(buffers.get(0));
        assertThat(deserializer.getNextRecord(target))
                .isEqualTo(RecordDeserializer.DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER);
        assertThat(target.getInstance()).isEqualTo(7);
        assertThat(deserializer.getNextRecord(target))
                .isEqualTo(RecordDeserializer.DeserializationResult.PARTIAL_RECORD);
        assertThat(buffers.get(0).isRecycled()).isTrue();
        assertThat(deserializer.hasUnfinishedData()).isTrue();

        deserializer.setNextBuffer(buffers.get(1));
        assertThat(deserializer.getNextRecord(target))
                .isEqualTo(RecordDeserializer.DeserializationResult.LAST_RECORD_FROM_BUFFER);
        assertThat(target.getInstance()).isEqualTo(8);
        assertThat(buffers.get(1).isRecycled()).isTrue();
        assertThat(deserializer.hasUnfinishedData()).isFalse();
    }

    @Test
    void aReaderSerializerThatDoesNotMatchTheWriterIsReportedNotMisread() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        out.writeInt(8);
        LongSerializer.INSTANCE.serialize(42L, out);
        List<Buffer> inPlace = cut(out.getCopyOfBuffer(), 64, true, BufferRecycler.DeallocatingRecycler.INSTANCE);
        List<Buffer> spanning = cut(out.getCopyOfBuffer(), 5, true, BufferRecycler.DeallocatingRecycler.INSTANCE);
        NonReusingDeserializationDelegate<Integer> wrongType =
                new NonReusingDeserializationDelegate<>(IntSerializer.INSTANCE);

        SpanningRecordDeserializer<Integer> first = new SpanningRecordDeserializer<>();
        first.setNextBuffer(inPlace.get(0));
        assertThatThrownBy(() -> first.getNextRecord(wrongType)).isInstanceOf(IOException.class)
                .hasMessageContaining("read 4 bytes of a record of 8 bytes");

        SpanningRecordDeserializer<Integer> second = new SpanningRecordDeserializer<>();
        second.setNextBuffer(spanning.get(0));
        assertThat(second.getNextRecord(wrongType)).isEqualTo(RecordDeserializer.DeserializationResult.PARTIAL_RECORD);
        second.setNextBuffer(spanning.get(1));
        assertThat(second.getNextRecord(wrongType)).isEqualTo(RecordDeserializer.DeserializationResult.PARTIAL_RECORD);
        second.setNextBuffer(spanning.get(2));
        assertThatThrownBy(() -> second.getNextRecord(wrongType)).isInstanceOf(IOException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void clearRecyclesTheHeldBufferAndForgetsThePartialRecord() throws IOException {
        List<Buffer> buffers = cut(framedStream(List.of(new byte[40])), 16, false,
                BufferRecycler.DeallocatingRecycler.INSTANCE);
        SpanningRecordDeserializer<byte[]> deserializer = new SpanningRecordDeserializer<>();
        deserializer.setNextBuffer(buffers.get(0));

        deserializer.clear();

        assertThat(buffers.get(0).isRecycled()).isTrue();
        assertThat(deserializer.hasUnfinishedData()).isFalse();
        buffers.subList(1, buffers.size()).forEach(Buffer::recycleBuffer);
    }

    @Test
    void eventBuffersAreRefused() throws IOException {
        Buffer event = EventSerializer.toBuffer(io.freshet.runtime.io.network.api.EndOfPartitionEvent.INSTANCE);

        assertThatThrownBy(() -> new SpanningRecordDeserializer<byte[]>().setNextBuffer(event))
                .isInstanceOf(IllegalArgumentException.class);
        event.recycleBuffer();
    }
}
