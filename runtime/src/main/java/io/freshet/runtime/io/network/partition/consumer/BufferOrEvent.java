package io.freshet.runtime.io.network.partition.consumer;

import java.util.Objects;

import io.freshet.runtime.event.AbstractEvent;
import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * What an input gate hands its task: a data buffer or an event, with the index of the channel it came through.
 * The receiver owns a buffer and must recycle it once read.
 */
public final class BufferOrEvent {

    private final Buffer buffer;
    private final AbstractEvent event;
    private final int channelIndex;

    public BufferOrEvent(Buffer buffer, int channelIndex) {
        this.buffer = Objects.requireNonNull(buffer, "buffer");
        this.event = null;
        this.channelIndex = channelIndex;
    }

    public BufferOrEvent(AbstractEvent event, int channelIndex) {
        this.buffer = null;
        this.event = Objects.requireNonNull(event, "event");
        this.channelIndex = channelIndex;
    }

    public boolean isBuffer() {
        return buffer != null;
    }

    public boolean isEvent() {
        return event != null;
    }

    public Buffer getBuffer() {
        return buffer;
    }

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
