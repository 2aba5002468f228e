package io.freshet.runtime.io.network.api.writer;

import java.io.IOException;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.api.serialization.BufferWritingView;
import io.freshet.runtime.io.network.api.serialization.EventSerializer;
import io.freshet.runtime.io.network.api.serialization.OverflowPages;
import io.freshet.runtime.io.network.buffer.BufferProvider;

/**
 * Writes the records of a producing task into its result partition: selects the channel(s) of each record, and
 * serializes the record once, straight into that channel's current network buffer (see
 * {@link BufferWritingView} for the framing and for records larger than a buffer). Full buffers are handed to the
 * {@link ResultPartitionWriter} at once; partly filled ones on {@link #flushAll()} (the output flusher or the end of
 * input calls it) and before every event, so that an event follows every record written before it.
 *
 * <p>Ownership law: buffers come from the {@link BufferProvider} (blocking when none is free: backpressure); each
 * channel holds at most one partly filled buffer; every other buffer has been handed to the partition writer,
 * which owns it from then on. {@link #close()} recycles unflushed buffers.
 *
 * <p>Broadcast records are serialized once into a reused heap array and copied into every channel. Not
 * thread-safe: the task thread writes.
 *
 * @param <T> the record type
 */
public final class RecordWriter<T> implements AutoCloseable {

    private final ResultPartitionWriter target;
    private final ChannelSelector<T> channelSelector;
    private final TypeSerializer<T> serializer;
    private final BufferWritingView[] channels;
    private final boolean isBroadcast;
    /** The serializer's fixed record length, or -1: fixed-length records take the writer's fast path. */
    private final int fixedRecordLength;
    private final DataOutputSerializer broadcastBuffer = new DataOutputSerializer(128);
    private final BufferProvider bufferProvider;

    public RecordWriter(ResultPartitionWriter target, BufferProvider bufferProvider,
            ChannelSelector<T> channelSelector, TypeSerializer<T> serializer) {
        this.target = Objects.requireNonNull(target);
        this.channelSelector = Objects.requireNonNull(channelSelector);
        this.serializer = Objects.requireNonNull(serializer);
        int numberOfChannels = target.getNumberOfSubpartitions();
        channelSelector.setup(numberOfChannels);
        this.isBroadcast = channelSelector.isBroadcast();
        this.fixedRecordLength = serializer.getLength();
        this.bufferProvider = bufferProvider;
        OverflowPages overflowPages = new OverflowPages(bufferProvider.getMemorySegmentSize());
        this.channels = new BufferWritingView[numberOfChannels];
        for (int i = 0; i < numberOfChannels; i++) {
            final int channel = i;
            channels[i] = new BufferWritingView(bufferProvider, overflowPages,
                    buffer -> target.emitBuffer(channel, buffer));
        }
    }

    // ---- records ----

    /** Writes {@code record} to the channel the selector picks (or to all, for a broadcast selector). */
    public void emit(T record) throws IOException, InterruptedException {
        if (isBroadcast) {
            broadcastEmit(record);
            return;
        }
        write(channels[channelSelector.selectChannel(record)], record);
    }

    private void write(BufferWritingView channel, T record) throws IOException, InterruptedException {
        if (fixedRecordLength >= 0) {
            channel.writeFixedLengthRecord(record, serializer, fixedRecordLength);
        } else {
            channel.writeRecord(record, serializer);
        }
    }

    /** Writes {@code record} to {@code channel}, bypassing the selector. */
    public void emit(T record, int channel) throws IOException, InterruptedException {
        write(channels[channel], record);
    }

    /** Writes {@code record} to every channel, serializing it once. */
    public void broadcastEmit(T record) throws IOException, InterruptedException {
        broadcastBuffer.clear();
        serializer.serialize(record, broadcastBuffer);
        byte[] bytes = broadcastBuffer.getSharedBuffer();
        int length = broadcastBuffer.length();
        for (BufferWritingView channel : channels) {
            channel.writeSerializedRecord(bytes, 0, length);
        }
    }

    // ---- events and flushing ----

    /** Flushes every channel, then sends {@code event} to every channel in its own event buffer. */
    public void broadcastEvent(AbstractEvent event) throws IOException {
        flushAll();
        for (int channel = 0; channel < channels.length; channel++) {
            target.emitBuffer(channel, EventSerializer.toBuffer(event));
        }
    }

    /**
     * Flushes every channel, then puts {@code event} in front of each channel's unsent buffers (an unaligned
     * checkpoint barrier); returns, per channel, a copy of the bytes it overtook (null where none).
     */
    public byte[][] broadcastPriorityEvent(AbstractEvent event) throws IOException {
        flushAll();
        byte[][] overtaken = new byte[channels.length][];
        for (int channel = 0; channel < channels.length; channel++) {
            overtaken[channel] = target.emitPriorityEvent(channel, EventSerializer.toBuffer(event));
        }
        return overtaken;
    }

    /** Hands on every partly filled buffer. */
    public void flushAll() throws IOException {
        for (BufferWritingView channel : channels) {
            channel.flush();
        }
    }

    /** Hands on the partly filled buffer of {@code channel}. */
    public void flush(int channel) throws IOException {
        channels[channel].flush();
    }

    /**
     * Done when a free buffer is there (writing will not block on a new buffer); pending under backpressure. A
     * producer that can choose when to write looks here first, so that it waits where it can still take checkpoints.
     */
    public java.util.concurrent.CompletableFuture<?> getAvailableFuture() {
        return bufferProvider.getAvailableFuture();
    }

    public int getNumberOfChannels() {
        return channels.length;
    }

    /** Recycles unflushed buffers (their records are dropped): call {@link #flushAll()} first to keep them. */
    @Override
    public void close() {
        for (BufferWritingView channel : channels) {
            channel.close();
        }
    }
}
