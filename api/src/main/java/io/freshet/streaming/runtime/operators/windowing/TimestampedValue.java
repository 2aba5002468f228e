package io.freshet.streaming.runtime.operators.windowing;

import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** An element of a window with the timestamp it arrived with (or none), as evictors see it. */
public class TimestampedValue<T> {

    private final T value;
    private final long timestamp;
    private final boolean hasTimestamp;

    /** A value without a timestamp. */
    public TimestampedValue(T value) {
        this.value = value;
        this.timestamp = Long.MIN_VALUE;
        this.hasTimestamp = false;
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    /** The timestamp; meaningful only when {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** A new stream record with this value and timestamp. */
    public StreamRecord<T> getStreamRecord() {
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    /** Captures the value and timestamp of a (possibly reused) stream record. */
    public static <T> TimestampedValue<T> from(StreamRecord<T> streamRecord) {
        return streamRecord.hasTimestamp() ? new TimestampedValue<>(streamRecord.getValue(), streamRecord.getTimestamp())
                : new TimestampedValue<>(streamRecord.getValue());
    }

    @Override
    public String toString() {
        return hasTimestamp ? value + "@" + timestamp : String.valueOf(value);
    }
}
