package io.freshet.runtime.io.network.partition.consumer;

import java.util.Objects;

import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * What an {@link InputGate} returns: either a data buffer (whose reference passes to the caller, who recycles it,
 * usually through a record deserializer) or an already deserialized event, with the index of the channel it came
 * from.
 */
public final class BufferOrEvent {

    private final Buffer buffer;
    private final AbstractEvent event;
    private final int channelIndex;

    public BufferOrEvent(Buffer buffer, int channelIndex) {
        this.buffer = Objects.requireNonNull(buffer);
        this.event = null;
        this.channelIndex = channelIndex;
        this.overtakenData = null;
    }

    private final byte[] overtakenData;

    public BufferOrEvent(AbstractEvent event, int channelIndex) {
        this(event, channelIndex, null);
    }

    /** A priority event with a copy of the data it overtook in its channel (null: none). */
    public BufferOrEvent(AbstractEvent event, int channelIndex, byte[] overtakenData) {
        this.buffer = null;
        this.event = Objects.requireNonNull(event);
        this.channelIndex = channelIndex;
        this.overtakenData = overtakenData;
    }

    /**
     * For a priority event: a copy of the data buffers it overtook in its input channel, which are read after it
     * although they were sent before it; null when it overtook none (or for anything else).
     */
    public byte[] getOvertakenData() {
        return overtakenData;
    }

    public boolean isBuffer() {
        return buffer != null;
    }

    public boolean isEvent() {
        return event != null;
    }

    /** The data buffer; null for an event. */
    public Buffer getBuffer() {
        return buffer;
    }

    /** The event; null for a buffer. */
    public AbstractEvent getEvent() {
        return event;
    }

    public int getChannelIndex() {
        return channelIndex;
    }

    @Override
    public String toString() {
        return "BufferOrEvent[" + (isBuffer() ? buffer : event) + ", channel " + channelIndex + "]";
    }
}
