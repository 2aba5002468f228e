package io.freshet.runtime.io.network.buffer;

/**
 * A resizable share of a {@link NetworkBufferPool}, used by one result partition or one input gate. Its size
 * lies between a guaranteed minimum and a maximum and is set by the global pool as pools come and go.
 * Buffers handed out return to this pool when recycled, and from there to the global pool when this pool
 * shrank or was destroyed.
 */
public interface BufferPool extends BufferProvider, BufferRecycler {

    /** The buffers this pool is guaranteed. */
    int getNumberOfRequiredMemorySegments();

    /** The most buffers this pool ever holds. */
    int getMaxNumberOfMemorySegments();

    /** The current size: how many buffers may be out of the global pool for this pool at once. */
    int getNumBuffers();

    /** Resizes the pool (called by the global pool); excess free segments go back at once, lent ones later. */
    void setNumBuffers(int numBuffers);

    /** Free segments held by this pool right now. */
    int getNumberOfAvailableMemorySegments();

    /** Segments taken from the global pool and not yet returned (free here or lent out). */
    int getNumberOfRequestedMemorySegments();

    /**
     * Destroys the pool: free segments return to the global pool now, lent ones when recycled; waiting and
     * later requests fail with {@link IllegalStateException}. Idempotent.
     */
    void lazyDestroy();
}
