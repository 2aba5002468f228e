package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;

import io.freshet.core.memory.MemorySegment;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.plugable.DeserializationDelegate;

/**
 * Reads the records written by {@link BufferWritingView} (4-byte big-endian length + bytes), buffer by buffer.
 *
 * <p>A record that lies wholly inside the current buffer is deserialized in place, from the buffer's memory, with
 * no copy, through one {@link RecordInputView} positioned on the buffer once and restricted to each record by two
 * field writes (the per-record fast path is kept small so that HotSpot inlines it into the caller's loop). A record that spans buffers (or whose length field does) is collected into a heap array that grows to
 * the largest spanning record seen and is then deserialized from there: so the deserializer holds at most one
 * network buffer, whatever the record size, and never waits for a second one while holding the first.
 *
 * <p>Ownership law: {@link #setNextBuffer} hands the buffer over; the deserializer recycles it exactly once, when
 * its last byte has been read ({@link DeserializationResult#isBufferConsumed()}), or on {@link #clear()}.
 *
 * <p>Every record must be read to its last byte by the delegate: a serializer reading fewer or more bytes than
 * were written (a writer/reader serializer mismatch) is reported as an {@link IOException}, never silently
 * misaligned. Not thread-safe: one task thread reads.
 */
public final class SpanningRecordDeserializer<T> implements RecordDeserializer<T> {

    private static final int LENGTH_BYTES = 4;

    /** One view for in-buffer and spanning records, so that the serializers' read call sites stay monomorphic. */
    private final RecordInputView input = new RecordInputView();

    private Buffer currentBuffer;
    private MemorySegment segment;
    private int position;
    private int limit;

    // a record that spans buffers: its length bytes seen so far, then its bytes collected so far
    private int spanningLengthBytes;
    private int spanningLength;
    private byte[] spanningBytes = new byte[256];
    private int spanningFilled;

    @Override
    public void setNextBuffer(Buffer buffer) throws IOException {
        if (currentBuffer != null) {
            throw new IllegalStateException("the previous buffer has " + (limit - position)
                    + " unread bytes; read its records before giving the next buffer");
        }
        if (!buffer.isBuffer()) {
            throw new IllegalArgumentException("events are not records; give only data buffers: " + buffer);
        }
        currentBuffer = buffer;
        segment = buffer.getMemorySegment();
        position = buffer.getReaderIndex();
        limit = buffer.getSize();
        input.setMemory(segment);
    }

    @Override
    public DeserializationResult getNextRecord(DeserializationDelegate<T> target) throws IOException {
        // the per-record fast path: a record wholly inside the current buffer, read in place
        final int remaining = limit - position;
        if (remaining >= LENGTH_BYTES && spanningLengthBytes == 0) {
            final int length = segment.getIntBigEndian(position);
            if (length >= 0 && remaining - LENGTH_BYTES >= length) {
                final int end = position + LENGTH_BYTES + length;
                input.setRecord(position + LENGTH_BYTES, end);
                target.read(input);
                if (input.getPosition() != end) {
                    throw notFullyRead(input.getPosition() - (end - length), length);
                }
                position = end;
                return end == limit ? lastRecordFromBuffer() : DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER;
            }
            if (length < 0) {
                throw new IOException("corrupt record stream: negative record length " + length);
            }
        }
        return getNextRecordSlowPath(target);
    }

    private DeserializationResult lastRecordFromBuffer() {
        recycleCurrent();
        return DeserializationResult.LAST_RECORD_FROM_BUFFER;
    }

    private DeserializationResult getNextRecordSlowPath(DeserializationDelegate<T> target) throws IOException {
        if (currentBuffer == null) {
            return DeserializationResult.PARTIAL_RECORD;
        }
        if (spanningLengthBytes > 0) {
            return continueSpanningRecord(target);
        }
        spanningLengthBytes = 0;
        spanningLength = 0;
        spanningFilled = 0;
        return continueSpanningRecord(target);
    }

    /** Collects length bytes, then record bytes, from the current buffer; completes the record when all are in. */
    private DeserializationResult continueSpanningRecord(DeserializationDelegate<T> target) throws IOException {
        while (spanningLengthBytes < LENGTH_BYTES) {
            if (position == limit) {
                recycleCurrent();
                return DeserializationResult.PARTIAL_RECORD;
            }
            spanningLength = (spanningLength << 8) | (segment.get(position++) & 0xff);
            spanningLengthBytes++;
            if (spanningLengthBytes == LENGTH_BYTES) {
                if (spanningLength < 0) {
                    throw new IOException("corrupt record stream: negative record length " + spanningLength);
                }
                if (spanningBytes.length < spanningLength) {
                    spanningBytes = new byte[Math.max(spanningLength, (int) Math.min(Integer.MAX_VALUE - 8,
                            2L * spanningBytes.length))];
                }
                spanningFilled = 0;
            }
        }
        int n = Math.min(spanningLength - spanningFilled, limit - position);
        if (n > 0) {
            segment.get(position, spanningBytes, spanningFilled, n);
            position += n;
            spanningFilled += n;
        }
        if (spanningFilled < spanningLength) {
            recycleCurrent();
            return DeserializationResult.PARTIAL_RECORD;
        }
        spanningLengthBytes = 0;
        input.setMemory(spanningBytes);
        input.setRecord(0, spanningLength);
        final int read;
        try {
            target.read(input);
        } finally {
            read = input.getPosition();
            if (segment != null) {
                input.setMemory(segment);
            }
        }
        if (read != spanningLength) {
            throw notFullyRead(read, spanningLength);
        }
        return resultAfterRecord();
    }

    private DeserializationResult resultAfterRecord() {
        if (position == limit) {
            recycleCurrent();
            return DeserializationResult.LAST_RECORD_FROM_BUFFER;
        }
        return DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER;
    }

    private static IOException notFullyRead(int read, int length) {
        return new IOException("the serializer read " + read + " bytes of a record of " + length + " bytes: the"
                + " reader's serializer does not match the writer's");
    }

    private void recycleCurrent() {
        Buffer buffer = currentBuffer;
        currentBuffer = null;
        segment = null;
        position = 0;
        limit = 0;
        buffer.recycleBuffer();
    }

    @Override
    public byte[] copyUnfinishedRecord() {
        if (currentBuffer != null) {
            // between two records of the current buffer: the rest of it (no spanning record is begun then)
            if (position == limit) {
                return null;
            }
            byte[] rest = new byte[limit - position];
            segment.get(position, rest, 0, rest.length);
            return rest;
        }
        if (spanningLengthBytes == 0) {
            return null;
        }
        int collected = spanningLengthBytes < LENGTH_BYTES ? 0 : spanningFilled;
        byte[] copy = new byte[spanningLengthBytes + collected];
        for (int i = 0; i < spanningLengthBytes; i++) {
            copy[i] = (byte) (spanningLength >>> (8 * (spanningLengthBytes - 1 - i)));
        }
        System.arraycopy(spanningBytes, 0, copy, spanningLengthBytes, collected);
        return copy;
    }

    @Override
    public boolean hasUnfinishedData() {
        return currentBuffer != null || spanningLengthBytes > 0;
    }

    @Override
    public void clear() {
        if (currentBuffer != null) {
            recycleCurrent();
        }
        spanningLengthBytes = 0;
        spanningLength = 0;
        spanningFilled = 0;
    }
}
