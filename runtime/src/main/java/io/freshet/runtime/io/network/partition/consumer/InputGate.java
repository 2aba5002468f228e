package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.util.Optional;

import io.freshet.runtime.io.AvailabilityProvider;

/**
 * The input of a consuming task from one intermediate result: one input channel per producer subpartition it
 * reads, merged into one sequence of buffers and events.
 *
 * <p>Laws: the buffers and events of one channel come out in the order the producer wrote them; channels
 * interleave in the order their data arrives. Each channel ends with an end-of-partition event, returned like any
 * other event; after the last channel's, {@link #isFinished()} is true and the gate returns nothing more. A
 * channel's failure (producer failed, partition not found, connection lost) comes out of {@link #getNext()} or
 * {@link #pollNext()} as an {@link IOException} naming the partition and the producer's address. Read by one
 * thread (the task's).
 */
public interface InputGate extends AvailabilityProvider, AutoCloseable {

    int getNumberOfInputChannels();

    /** Requests the subpartitions of all channels; done by the first read if not called before. Idempotent. */
    void requestPartitions() throws IOException;

    /** The next buffer or event, waiting until one arrives; empty once the gate is finished. */
    Optional<BufferOrEvent> getNext() throws IOException, InterruptedException;

    /** The next buffer or event if one is there now; empty otherwise (check {@link #isFinished()}). */
    Optional<BufferOrEvent> pollNext() throws IOException;

    /** True once every channel delivered its end-of-partition event. */
    boolean isFinished();

    /**
     * True while a priority event (an unaligned checkpoint barrier) waits to be read: the reader should look before
     * it finishes the buffer it reads. One volatile read.
     */
    default boolean hasPriorityEvent() {
        return false;
    }

    /** Total time the reading thread waited in {@link #getNext()} for input, in milliseconds. */
    long getIdleTimeMs();

    /** {@link #getIdleTimeMs()} in nanoseconds. */
    default long getIdleTimeNanos() {
        return getIdleTimeMs() * 1_000_000;
    }

    /** Releases every channel and the gate's buffers; a thread waiting in {@link #getNext()} fails. Idempotent. */
    @Override
    void close() throws IOException;
}
