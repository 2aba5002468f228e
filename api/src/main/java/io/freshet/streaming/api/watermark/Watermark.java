package io.freshet.streaming.api.watermark;

import io.freshet.streaming.runtime.streamrecord.StreamElement;

/**
 * The claim that no record with a timestamp at or below {@link #getTimestamp()} follows on this stream. Watermarks
 * only move forward; {@link #MAX_WATERMARK} ends event time (sent when a bounded input is exhausted).
 */
public final class Watermark extends StreamElement {

    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);

    private final long timestamp;

    public Watermark(long timestamp) {
        this.timestamp = timestamp;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watermark && ((Watermark) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Watermark @ " + timestamp;
    }
}
