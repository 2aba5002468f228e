package io.freshet.core.memory;

import java.nio.ByteBuffer;

/** Creates {@link MemorySegment}s. */
public final class MemorySegmentFactory {

    private MemorySegmentFactory() {}

    /** A heap segment backed by the given array (no copy). */
    public static MemorySegment wrap(byte[] buffer) {
        return new MemorySegment(buffer, null);
    }

    /** A new heap segment of {@code size} bytes that belongs to nobody. */
    public static MemorySegment allocateUnpooledSegment(int size) {
        return new MemorySegment(new byte[size], null);
    }

    /** A new heap segment of {@code size} bytes, owned by {@code owner}. */
    public static MemorySegment allocateUnpooledSegment(int size, Object owner) {
        return new MemorySegment(new byte[size], owner);
    }

    /** A new off-heap segment of {@code size} bytes; its memory is released when the segment is collected. */
    public static MemorySegment allocateUnpooledOffHeapMemory(int size) {
        return new MemorySegment(ByteBuffer.allocateDirect(size), null);
    }

    /** A new off-heap segment of {@code size} bytes, owned by {@code owner}. */
    public static MemorySegment allocateUnpooledOffHeapMemory(int size, Object owner) {
        return new MemorySegment(ByteBuffer.allocateDirect(size), owner);
    }

    /** An off-heap segment over an existing direct buffer (no copy). */
    public static MemorySegment wrapOffHeapMemory(ByteBuffer directBuffer) {
        return new MemorySegment(directBuffer, null);
    }
}
