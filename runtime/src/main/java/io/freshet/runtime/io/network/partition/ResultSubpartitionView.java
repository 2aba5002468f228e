package io.freshet.runtime.io.network.partition;

import java.io.IOException;

/**
 * The one reader of a subpartition (a local input channel, or the Netty server on behalf of a remote one).
 *
 * <p>Laws: buffers come out in the order the producer added them, each exactly once, and the caller owns every
 * buffer it takes (it recycles it after use). The view's {@link BufferAvailabilityListener} is called whenever
 * the subpartition goes from empty to non-empty, or is released; after {@link #getNextBuffer()} returned
 * {@code isMoreAvailable() == false} or null, the reader waits for that call before asking again. After release
 * (by the reader, by consumption, or by a failing producer) {@link #getNextBuffer()} returns null and
 * {@link #isReleased()} is true; {@link #getFailureCause()} then tells whether the producer failed.
 */
public interface ResultSubpartitionView {

    /** The next buffer, or null when none is readable now (or the view is released). */
    BufferAndBacklog getNextBuffer() throws IOException;

    /**
     * True when {@link #getNextBuffer()} would return a buffer that a receiver with {@code numCreditsAvailable}
     * credits may take: any event, and data buffers only with at least one credit.
     */
    boolean isAvailable(int numCreditsAvailable);

    /** Releases the reader's hold; for pipelined subpartitions this marks the subpartition consumed. Idempotent. */
    void releaseAllResources();

    boolean isReleased();

    /** Why the subpartition was released early (the producer failed), or null. */
    Throwable getFailureCause();

    /** Data buffers queued and not yet taken. */
    int getBuffersInBacklog();
}
