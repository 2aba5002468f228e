package io.freshet.runtime.io.network.buffer;

import io.freshet.core.memory.MemorySegment;

/**
 * Takes back the memory segment of a {@link Buffer} whose last reference was released. Called exactly once per
 * buffer, by whichever thread released the last reference; implementations are thread-safe.
 */
@FunctionalInterface
public interface BufferRecycler {

    void recycle(MemorySegment memorySegment);

    /** A recycler for unpooled segments (events, tests): it frees the segment. */
    final class DeallocatingRecycler implements BufferRecycler {

        public static final BufferRecycler INSTANCE = new DeallocatingRecycler();

        private DeallocatingRecycler() {}

        @Override
        public void recycle(MemorySegment memorySegment) {
            memorySegment.free();
        }
    }
}
