package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.api.EndOfPartitionEvent;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.io.network.buffer.BufferPool;
import io.freshet.runtime.io.network.partition.BufferAndBacklog;

/**
 * The {@link InputGate} of one intermediate result: local and remote channels feeding one queue of "channels with
 * data".
 *
 * <p>Threads: channels notify from producer, Netty or recycling threads ({@link #notifyChannelNonEmpty}); only the
 * task thread reads. One monitor guards the queue of channels with data; it is taken once per buffer, never per
 * record, and the availability future is completed outside it.
 *
 * <p>Buffers: data buffers pass to the caller. Event buffers are deserialized and recycled here. The gate's
 * {@link BufferPool} (may be null for gates of local channels only) holds the floating buffers remote channels
 * borrow beyond their exclusive ones; it is destroyed on {@link #close()}.
 *
 * <p>Idle time ({@link #getIdleTimeMs()}) is measured with {@link System#nanoTime()} only around the waits in
 * {@link #getNext()}.
 */
public final class SingleInputGate implements InputGate {

    /** Creates the channel at one index; called once per index while the gate is constructed. */
    @FunctionalInterface
    public interface ChannelFactory {
        InputChannel create(SingleInputGate gate, int channelIndex) throws IOException;
    }

    private final String owningTaskName;
    private final BufferPool bufferPool;
    private final InputChannel[] channels;
    private final boolean[] channelFinished;

    private final Object lock = new Object();
    /** Guarded by lock. */
    private final ArrayDeque<InputChannel> channelsWithData;
    /** Guarded by lock: whether a channel is in {@link #channelsWithData}. */
    private final boolean[] enqueued;
    /** Guarded by lock. */
    private CompletableFuture<?> availabilityFuture = new CompletableFuture<>();
    /** Guarded by lock. */
    private boolean closed;

    private boolean requested;
    /** Priority events announced and not read yet (may dip below 0 while an announcement is on its way). */
    private final java.util.concurrent.atomic.AtomicInteger priorityEvents =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile int numberOfFinishedChannels;
    private volatile long idleNanos;
    /** System.nanoTime() when the current wait for input began; 0 when the reader is not waiting. */
    private volatile long idleSince;

    /**
     * @param bufferPool the floating buffers of remote channels; may be null when all channels are local
     */
    public SingleInputGate(String owningTaskName, BufferPool bufferPool, int numberOfChannels,
            ChannelFactory channelFactory) throws IOException {
        if (numberOfChannels < 1) {
            throw new IllegalArgumentException("an input gate needs at least one channel, got " + numberOfChannels);
        }
        this.owningTaskName = owningTaskName;
        this.bufferPool = bufferPool;
        this.channels = new InputChannel[numberOfChannels];
        this.channelFinished = new boolean[numberOfChannels];
        this.enqueued = new boolean[numberOfChannels];
        this.channelsWithData = new ArrayDeque<>(numberOfChannels);
        try {
            for (int i = 0; i < numberOfChannels; i++) {
                channels[i] = channelFactory.create(this, i);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    // ---- reading (task thread) ----

    @Override
    public void requestPartitions() throws IOException {
        if (requested) {
            return;
        }
        requested = true;
        for (InputChannel channel : channels) {
            channel.requestSubpartition();
        }
    }

    @Override
    public Optional<BufferOrEvent> getNext() throws IOException, InterruptedException {
        requestPartitions();
        while (!isFinished()) {
            InputChannel channel;
            synchronized (lock) {
                if (channelsWithData.isEmpty()) {
                    long start = System.nanoTime();
                    idleSince = start;
                    try {
                        while (channelsWithData.isEmpty() && !closed) {
                            lock.wait();
                        }
                    } finally {
                        idleSince = 0;
                        idleNanos += System.nanoTime() - start;
                    }
                }
                checkNotClosed();
                channel = pollChannel();
            }
            Optional<BufferOrEvent> next = readFrom(channel);
            if (next.isPresent()) {
                return next;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<BufferOrEvent> pollNext() throws IOException {
        requestPartitions();
        while (!isFinished()) {
            InputChannel channel;
            synchronized (lock) {
                checkNotClosed();
                if (channelsWithData.isEmpty()) {
                    return Optional.empty();
                }
                channel = pollChannel();
            }
            Optional<BufferOrEvent> next = readFrom(channel);
            if (next.isPresent()) {
                return next;
            }
        }
        return Optional.empty();
    }

    /** Under lock. */
    private InputChannel pollChannel() {
        InputChannel channel = channelsWithData.poll();
        enqueued[channel.getChannelIndex()] = false;
        if (channelsWithData.isEmpty() && availabilityFuture.isDone()) {
            availabilityFuture = new CompletableFuture<>();
        }
        return channel;
    }

    private Optional<BufferOrEvent> readFrom(InputChannel channel) throws IOException {
        int index = channel.getChannelIndex();
        if (channelFinished[index]) {
            return Optional.empty();
        }
        BufferAndBacklog next = channel.getNextBuffer();
        if (next == null) {
            return Optional.empty();
        }
        if (next.isMoreAvailable()) {
            notifyChannelNonEmpty(channel);
        }
        Buffer buffer = next.buffer();
        if (buffer.isBuffer()) {
            return Optional.of(new BufferOrEvent(buffer, index));
        }
        AbstractEvent event;
        boolean priority = EventSerializer.isPriorityEvent(buffer);
        try {
            event = EventSerializer.fromBuffer(buffer);
        } finally {
            buffer.recycleBuffer();
        }
        if (priority) {
            priorityEvents.decrementAndGet();
            return Optional.of(new BufferOrEvent(event, index, channel.takeOvertakenData()));
        }
        if (event instanceof EndOfPartitionEvent) {
            channelFinished[index] = true;
            channel.releaseAllResources();
            numberOfFinishedChannels++;
            if (isFinished()) {
                markAvailable();
            }
        }
        return Optional.of(new BufferOrEvent(event, index));
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("the input gate of " + owningTaskName + " has been closed");
        }
    }

    // ---- notifications (any thread) ----

    /** A channel has data (or an error) to read. */
    void notifyChannelNonEmpty(InputChannel channel) {
        CompletableFuture<?> toComplete = null;
        synchronized (lock) {
            int index = channel.getChannelIndex();
            if (enqueued[index] || closed) {
                return;
            }
            enqueued[index] = true;
            channelsWithData.add(channel);
            if (channelsWithData.size() == 1) {
                lock.notifyAll();
                if (!availabilityFuture.isDone()) {
                    toComplete = availabilityFuture;
                }
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    /** A channel has a priority event at its head: it is read before the channels queued before it. */
    void notifyPriorityEvent(InputChannel channel) {
        priorityEvents.incrementAndGet();
        CompletableFuture<?> toComplete = null;
        synchronized (lock) {
            int index = channel.getChannelIndex();
            if (closed) {
                return;
            }
            if (enqueued[index]) {
                channelsWithData.remove(channel);
            }
            enqueued[index] = true;
            channelsWithData.addFirst(channel);
            lock.notifyAll();
            if (!availabilityFuture.isDone()) {
                toComplete = availabilityFuture;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    private void markAvailable() {
        CompletableFuture<?> toComplete;
        synchronized (lock) {
            toComplete = availabilityFuture;
            lock.notifyAll();
        }
        toComplete.complete(null);
    }

    @Override
    public boolean hasPriorityEvent() {
        return priorityEvents.get() > 0;
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (lock) {
            if (!channelsWithData.isEmpty() || closed || isFinished()) {
                return AVAILABLE;
            }
            return availabilityFuture;
        }
    }

    // ---- state ----

    @Override
    public int getNumberOfInputChannels() {
        return channels.length;
    }

    public InputChannel getChannel(int index) {
        return channels[index];
    }

    @Override
    public boolean isFinished() {
        return numberOfFinishedChannels == channels.length;
    }

    @Override
    public long getIdleTimeMs() {
        return getIdleTimeNanos() / 1_000_000;
    }

    /** Total time the reading thread waited for input, including a wait going on now, in nanoseconds. */
    @Override
    public long getIdleTimeNanos() {
        long since = idleSince;
        return idleNanos + (since == 0 ? 0 : System.nanoTime() - since);
    }

    public String getOwningTaskName() {
        return owningTaskName;
    }

    /** The pool of floating buffers; may be null. */
    BufferPool getBufferPool() {
        return bufferPool;
    }

    // ---- shutdown ----

    @Override
    public void close() {
        CompletableFuture<?> toComplete;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            channelsWithData.clear();
            toComplete = availabilityFuture;
            lock.notifyAll();
        }
        toComplete.complete(null);
        for (InputChannel channel : channels) {
            if (channel != null) {
                channel.releaseAllResources();
            }
        }
        if (bufferPool != null) {
            bufferPool.lazyDestroy();
        }
    }

    @Override
    public String toString() {
        return "SingleInputGate of " + owningTaskName + " (" + channels.length + " channels)";
    }
}
