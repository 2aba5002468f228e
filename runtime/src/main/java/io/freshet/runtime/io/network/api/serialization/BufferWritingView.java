package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;
import java.io.InterruptedIOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.AbstractPagedOutputView;
import io.freshet.core.memory.MemorySegment;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferProvider;

/**
 * Writes records of one channel straight into network buffers: the record serializer of the network stack.
 *
 * <p>Record framing: every record is a 4-byte big-endian length followed by the serializer's bytes. Records
 * follow each other without gaps and may span any number of buffers; a length field may be split between two
 * buffers.
 *
 * <p>How a record is written: 4 bytes are reserved at the current position and the serializer writes directly
 * into the current buffer's segment; when the record ends, its length is written into the reserved bytes. No
 * per-record copy or allocation. A record that does not fit into the rest of the current buffer continues in
 * {@link OverflowPages} (heap pages of the buffer size), because the buffer holding the length field cannot be
 * handed on before the length is known; once the record ends, the pages are copied into fresh buffers that are
 * handed on as they fill. So a record of any size needs only one network buffer at a time, and only records
 * crossing a buffer boundary are copied once.
 *
 * <p>Ownership law: the view owns at most one buffer (the current one, partly filled). A buffer is handed to the
 * {@link BufferSink} as soon as it is full, or on {@link #flush()}; from then on the sink owns it. Buffers come
 * from the {@link BufferProvider}, blocking when none is free (backpressure). {@link #close()} recycles the
 * current buffer without handing it on.
 *
 * <p>Failure: if the serializer throws, the record is rolled back completely (no buffer has been handed on while
 * it was written), and the view is ready for the next record. If the thread is interrupted while waiting for a
 * buffer, the channel's byte stream is undefined (the task is failing anyway).
 *
 * <p>Not thread-safe: one task thread writes.
 */
public final class BufferWritingView extends AbstractPagedOutputView implements AutoCloseable {

    private static final int IDLE = 0;
    /** Inside a record of unknown length: overflow goes to the overflow pages. */
    private static final int SPILLING = 1;
    /** Inside a record whose length is already written: full buffers go to the sink at once. */
    private static final int STREAMING = 2;

    private final BufferProvider bufferProvider;
    private final BufferSink sink;
    private final OverflowPages overflowPages;

    private Buffer currentBuffer;
    private int mode = IDLE;
    private int numOverflowPages;

    public BufferWritingView(BufferProvider bufferProvider, OverflowPages overflowPages, BufferSink sink) {
        super(bufferProvider.getMemorySegmentSize(), 0);
        if (overflowPages.getPageSize() != bufferProvider.getMemorySegmentSize()) {
            throw new IllegalArgumentException("overflow pages of " + overflowPages.getPageSize()
                    + " bytes do not match buffers of " + bufferProvider.getMemorySegmentSize() + " bytes");
        }
        this.bufferProvider = bufferProvider;
        this.sink = sink;
        this.overflowPages = overflowPages;
    }

    // ---- records ----

    /**
     * Serializes {@code record} with its 4-byte length into the channel; hands on every buffer that becomes full.
     *
     * @return true when the record ended exactly at a buffer end, so that the buffer was handed on
     */
    public <T> boolean writeRecord(T record, TypeSerializer<T> serializer) throws IOException, InterruptedException {
        ensureCurrentBuffer();
        final MemorySegment startSegment = getCurrentSegment();
        final int start = getCurrentPositionInSegment();
        mode = SPILLING;
        numOverflowPages = 0;
        try {
            if (remainingInSegment() >= 4) {
                skipBytesInSegment(4);
            } else {
                skipBytesToWrite(4);
            }
            serializer.serialize(record, this);
        } catch (Throwable t) {
            mode = IDLE;
            numOverflowPages = 0;
            seekOutput(startSegment, start);
            throw t;
        }
        mode = IDLE;
        if (numOverflowPages == 0) {
            final int end = getCurrentPositionInSegment();
            startSegment.putIntBigEndian(start, end - start - 4);
            if (end == segmentSize) {
                handOnCurrent(end);
                return true;
            }
            return false;
        }
        return finishOverflowingRecord(startSegment, start);
    }

    /**
     * The fast path of {@link #writeRecord} for serializers of one fixed length ({@code recordLength}, from
     * {@link TypeSerializer#getLength()}): when the record fits into the current buffer, the length is written up
     * front and the record serialized behind it, with no reservation, back-patching or overflow bookkeeping;
     * otherwise it falls back to {@link #writeRecord}. A serializer writing a different number of bytes than it
     * declared is an {@link IOException} (the record is rolled back).
     *
     * @return true when the record ended exactly at a buffer end, so that the buffer was handed on
     */
    public <T> boolean writeFixedLengthRecord(T record, TypeSerializer<T> serializer, int recordLength)
            throws IOException, InterruptedException {
        if (remainingInSegment() < 4 + recordLength) {
            return writeRecord(record, serializer);
        }
        final MemorySegment segment = getCurrentSegment();
        final int start = getCurrentPositionInSegment();
        segment.putIntBigEndian(start, recordLength);
        skipBytesInSegment(4);
        try {
            // mode stays IDLE: a serializer writing past the buffer's end fails instead of paging
            serializer.serialize(record, this);
        } catch (Throwable t) {
            seekOutput(segment, start);
            throw t;
        }
        final int end = getCurrentPositionInSegment();
        if (end - start - 4 != recordLength) {
            seekOutput(segment, start);
            throw new IOException("the serializer " + serializer + " declares records of " + recordLength
                    + " bytes but wrote " + (end - start - 4));
        }
        if (end == segmentSize) {
            handOnCurrent(end);
            return true;
        }
        return false;
    }

    /**
     * Writes an already serialized record (length field and {@code length} bytes) into the channel: used by
     * broadcasts, which serialize once and copy to every channel.
     *
     * @return true when the record ended exactly at a buffer end, so that the buffer was handed on
     */
    public boolean writeSerializedRecord(byte[] bytes, int offset, int length) throws IOException,
            InterruptedException {
        ensureCurrentBuffer();
        mode = STREAMING;
        try {
            writeInt(length);
            write(bytes, offset, length);
        } finally {
            mode = IDLE;
        }
        if (remainingInSegment() == 0) {
            handOnCurrent(segmentSize);
            return true;
        }
        return false;
    }

    /** Hands on the current buffer if it holds any bytes; the next record starts a new buffer. */
    public void flush() throws IOException {
        if (currentBuffer != null && getCurrentPositionInSegment() > 0) {
            handOnCurrent(getCurrentPositionInSegment());
        }
    }

    /** Bytes written into the current buffer and not yet handed on. */
    public int getBytesInCurrentBuffer() {
        return currentBuffer == null ? 0 : getCurrentPositionInSegment();
    }

    /** Recycles the current buffer without handing it on (its bytes are dropped). */
    @Override
    public void close() {
        if (currentBuffer != null) {
            Buffer buffer = currentBuffer;
            currentBuffer = null;
            clear();
            buffer.recycleBuffer();
        }
    }

    // ---- paging ----

    @Override
    protected MemorySegment nextSegment(MemorySegment current, int positionInCurrent) throws IOException {
        if (positionInCurrent != segmentSize) {
            throw new IllegalStateException("a page was left with " + (segmentSize - positionInCurrent)
                    + " bytes unwritten; records must fill buffers without gaps");
        }
        if (mode == SPILLING) {
            return overflowPages.page(numOverflowPages++);
        }
        if (mode == STREAMING) {
            handOnCurrent(segmentSize);
            try {
                currentBuffer = bufferProvider.requestBufferBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a network buffer");
            }
            return currentBuffer.getMemorySegment();
        }
        throw new IllegalStateException("bytes written outside of a record");
    }

    private void ensureCurrentBuffer() throws InterruptedException {
        if (currentBuffer == null) {
            currentBuffer = bufferProvider.requestBufferBlocking();
            seekOutput(currentBuffer.getMemorySegment(), 0);
        }
    }

    private void handOnCurrent(int size) throws IOException {
        Buffer buffer = currentBuffer;
        currentBuffer = null;
        clear();
        buffer.setSize(size);
        sink.accept(buffer);
    }

    /**
     * The record started at {@code start} of the current buffer and continued over {@code numOverflowPages}
     * overflow pages: write its length, hand on the (full) current buffer, and copy the pages into new buffers.
     */
    private boolean finishOverflowingRecord(MemorySegment startSegment, int start)
            throws IOException, InterruptedException {
        final int pages = numOverflowPages;
        final int bytesInLastPage = getCurrentPositionInSegment();
        numOverflowPages = 0;
        long recordLength = (long) (segmentSize - start) + (long) (pages - 1) * segmentSize + bytesInLastPage - 4;
        if (recordLength > Integer.MAX_VALUE) {
            close();
            throw new IOException("a record of " + recordLength + " bytes exceeds the 2 GiB limit of one record");
        }
        final int length = (int) recordLength;
        for (int i = 0; i < 4; i++) {
            byte b = (byte) (length >>> (24 - 8 * i));
            int position = start + i;
            if (position < segmentSize) {
                startSegment.put(position, b);
            } else {
                overflowPages.page(0).put(position - segmentSize, b);
            }
        }
        handOnCurrent(segmentSize);
        for (int page = 0; page < pages; page++) {
            int bytes = page == pages - 1 ? bytesInLastPage : segmentSize;
            Buffer buffer = bufferProvider.requestBufferBlocking();
            overflowPages.page(page).copyTo(0, buffer.getMemorySegment(), 0, bytes);
            currentBuffer = buffer;
            if (bytes == segmentSize) {
                handOnCurrent(segmentSize);
            } else {
                seekOutput(buffer.getMemorySegment(), bytes);
            }
        }
        return currentBuffer == null;
    }
}
