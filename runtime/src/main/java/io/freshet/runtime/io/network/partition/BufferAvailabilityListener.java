package io.freshet.runtime.io.network.partition;

/**
 * Told by a {@link ResultSubpartitionView} that it went from "nothing to read" to "something to read". Called
 * on the producer's thread (or whichever thread made data readable), so implementations only hand the news over
 * to their own thread (enqueue the channel, schedule a write) and never block or read the view here.
 */
@FunctionalInterface
public interface BufferAvailabilityListener {

    void notifyDataAvailable();

    /** A priority event was put at the head of the data to read: read it soon. */
    default void notifyPriorityEvent() {
        notifyDataAvailable();
    }
}
