package io.freshet.runtime.io.network.buffer;

import io.freshet.runtime.io.AvailabilityProvider;

/**
 * Hands out empty data buffers of one fixed size. The caller owns each buffer it receives (see {@link Buffer})
 * and gives it back with {@link Buffer#recycleBuffer()}, usually after handing it downstream.
 *
 * <p>{@link #getAvailableFuture()} is the backpressure signal: when it is pending, {@link #requestBuffer()}
 * would return null, and it completes when a buffer is recycled into the provider.
 */
public interface BufferProvider extends AvailabilityProvider {

    /** An empty buffer, or null when none is free now. Never blocks. */
    Buffer requestBuffer();

    /**
     * An empty buffer, waiting until one is free.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     * @throws IllegalStateException when the provider is (or becomes) destroyed
     */
    Buffer requestBufferBlocking() throws InterruptedException;

    /** The size of every buffer handed out. */
    int getMemorySegmentSize();

    boolean isDestroyed();
}
