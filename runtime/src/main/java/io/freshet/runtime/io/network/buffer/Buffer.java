package io.freshet.runtime.io.network.buffer;

import io.freshet.core.memory.MemorySegment;

/**
 * A network buffer: a {@link MemorySegment} with a reader index and a writer index (the size), a
 * {@link DataType} and a {@link BufferRecycler} that takes the segment back.
 *
 * <p>Ownership law:
 * <ul>
 *   <li>A new buffer has one reference, held by whoever requested it. Handing the buffer on (to a partition, a
 *       queue, a deserializer) hands on that reference: the giver stops using the buffer.</li>
 *   <li>{@link #retainBuffer()} adds a reference for a second holder; every reference is given back with
 *       exactly one {@link #recycleBuffer()}. When the last one is given back, the segment goes back to its
 *       recycler, exactly once. Recycling more often than retained is a bug and throws
 *       {@link IllegalStateException}; so does retaining a recycled buffer.</li>
 *   <li>Indices and contents are not synchronized: the holders of a buffer hand it between threads through
 *       something that orders memory (a queue, a lock). The reference count itself is atomic, so holders on
 *       different threads may recycle concurrently.</li>
 * </ul>
 */
public interface Buffer {

    /** What a buffer carries. */
    enum DataType {
        /** Serialized records, each framed by a 4-byte big-endian length. */
        DATA_BUFFER,
        /** Exactly one serialized event (see {@code EventSerializer}). */
        EVENT_BUFFER;

        public boolean isBuffer() {
            return this == DATA_BUFFER;
        }

        public boolean isEvent() {
            return this == EVENT_BUFFER;
        }
    }

    /** True for records, false for an event. */
    boolean isBuffer();

    DataType getDataType();

    MemorySegment getMemorySegment();

    BufferRecycler getRecycler();

    /** The size of the segment: the most bytes this buffer can hold. */
    int getMaxCapacity();

    int getReaderIndex();

    void setReaderIndex(int readerIndex);

    /** The writer index: bytes {@code [0, size)} are valid. */
    int getSize();

    void setSize(int writerIndex);

    /** {@code getSize() - getReaderIndex()}. */
    int readableBytes();

    /** Adds a reference (for a second holder) and returns this buffer. */
    Buffer retainBuffer();

    /** Gives back one reference; the last one returns the segment to its recycler. */
    void recycleBuffer();

    boolean isRecycled();

    /** The number of references not yet given back (0 once recycled). */
    int refCnt();
}
