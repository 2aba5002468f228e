package io.freshet.runtime.io.network.partition;

import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * One buffer taken from a subpartition view or an input channel, with what was known right after taking it: the
 * data buffers still queued behind it (the backlog, which the receiver uses to ask for more credit) and the type
 * of the next queued buffer ({@code null} when nothing is queued). One instance per buffer, never per record.
 */
public final class BufferAndBacklog {

    private final Buffer buffer;
    private final int buffersInBacklog;
    private final Buffer.DataType nextDataType;

    /**
     * @param nextDataType the type of the buffer queued next, or null when none is queued
     */
    public BufferAndBacklog(Buffer buffer, int buffersInBacklog, Buffer.DataType nextDataType) {
        this.buffer = buffer;
        this.buffersInBacklog = buffersInBacklog;
        this.nextDataType = nextDataType;
    }

    /** The buffer; its reference passes to the caller. */
    public Buffer buffer() {
        return buffer;
    }

    public int buffersInBacklog() {
        return buffersInBacklog;
    }

    /** True when another buffer was already queued behind this one. */
    public boolean isMoreAvailable() {
        return nextDataType != null;
    }

    /** The type of the next queued buffer, or null when none is queued. */
    public Buffer.DataType getNextDataType() {
        return nextDataType;
    }
}
