package io.freshet.runtime.io.network.api.serialization;

import java.io.EOFException;
import java.io.IOException;

import io.freshet.core.memory.AbstractPagedInputView;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.MemorySegment;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.plugable.DeserializationDelegate;

/**
 * Reads the records written by {@link BufferWritingView} (4-byte big-endian length + bytes), buffer by buffer.
 *
 * <p>A record that lies wholly inside the current buffer is deserialized in place, from the buffer's memory, with
 * no copy. A record that spans buffers (or whose length field does) is collected into a heap array that grows to
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

    private final InBufferView inBuffer = new InBufferView();
    private final DataInputDeserializer spanningInput = new DataInputDeserializer();

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
    }

    @Override
    public DeserializationResult getNextRecord(DeserializationDelegate<T> target) throws IOException {
        if (currentBuffer == null) {
            return DeserializationResult.PARTIAL_RECORD;
        }
        if (spanningLengthBytes > 0) {
            return continueSpanningRecord(target);
        }
        final int remaining = limit - position;
        if (remaining >= LENGTH_BYTES) {
            final int length = segment.getIntBigEndian(position);
            if (length < 0) {
                throw new IOException("corrupt record stream: negative record length " + length);
            }
            if (remaining - LENGTH_BYTES >= length) {
                final int start = position + LENGTH_BYTES;
                final int end = start + length;
                inBuffer.set(segment, start, end);
                target.read(inBuffer);
                checkFullyRead(inBuffer.getCurrentPositionInSegment() - start, length);
                position = end;
                return resultAfterRecord();
            }
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
        spanningInput.setBuffer(spanningBytes, 0, spanningLength);
        target.read(spanningInput);
        checkFullyRead(spanningLength - spanningInput.available(), spanningLength);
        return resultAfterRecord();
    }

    private DeserializationResult resultAfterRecord() {
        if (position == limit) {
            recycleCurrent();
            return DeserializationResult.LAST_RECORD_FROM_BUFFER;
        }
        return DeserializationResult.INTERMEDIATE_RECORD_FROM_BUFFER;
    }

    private static void checkFullyRead(int read, int length) throws IOException {
        if (read != length) {
            throw new IOException("the serializer read " + read + " bytes of a record of " + length + " bytes: the"
                    + " reader's serializer does not match the writer's");
        }
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

    /** Reads one record in place from a buffer's segment; reading past the record's end is an EOF. */
    private static final class InBufferView extends AbstractPagedInputView {

        InBufferView() {
            super(0);
        }

        void set(MemorySegment segment, int start, int end) {
            seekInput(segment, start, end);
        }

        @Override
        protected MemorySegment nextSegment(MemorySegment current) throws IOException {
            throw new EOFException("the serializer read past the end of its record: the reader's serializer does"
                    + " not match the writer's");
        }

        @Override
        protected int getLimitForSegment(MemorySegment segment) {
            return 0;
        }
    }
}
