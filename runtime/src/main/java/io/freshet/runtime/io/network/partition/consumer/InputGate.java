package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One input of a task: the channels that read the subpartitions of the producers of one data set, merged into
 * one stream of buffers and events in arrival order (order is kept per channel, not across channels).
 *
 * <p>Laws: the gate is read by the task thread only; buffers handed out belong to the reader, which recycles
 * them; the gate is finished once every channel delivered its end-of-partition event; an error of a channel
 * (producer failed, partition not found, connection lost) is thrown from the next read, naming the partition.
 */
public interface InputGate extends AutoCloseable {

    int getNumberOfInputChannels();

    /** Blocks until a buffer or event is available; empty once the gate is finished. */
    Optional<BufferOrEvent> getNext() throws IOException, InterruptedException;

    /** The next buffer or event if one is available now; empty otherwise (or when finished). */
    Optional<BufferOrEvent> pollNext() throws IOException;

    /** Completes when data is (or may be) available or the gate is finished. */
    CompletableFuture<?> getAvailableFuture();

    boolean isFinished();

    /** Releases the channels and their buffers. */
    @Override
    void close() throws IOException;
}
