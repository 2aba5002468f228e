package io.freshet.streaming.runtime.streamrecord;

import java.util.Objects;

/**
 * One record of a stream: its value and, optionally, its event-time timestamp. Operators reuse instances
 * ({@link #replace}): a record passed to {@code processElement} is only valid during that call.
 */
public final class StreamRecord<T> extends StreamElement {

    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    public StreamRecord(T value) {
        this.value = value;
    }

    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    /** The timestamp, or {@link Long#MIN_VALUE} when the record has none. */
    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Replaces the value and keeps the timestamp; returns this record retyped. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X element) {
        this.value = (T) element;
        return (StreamRecord<X>) this;
    }

    /** Replaces value and timestamp; returns this record retyped. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X element, long timestamp) {
        this.value = (T) element;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    /** A new record with {@code element} and this record's timestamp. */
    public <X> StreamRecord<X> copy(X element) {
        StreamRecord<X> copy = new StreamRecord<>(element);
        copy.timestamp = timestamp;
        copy.hasTimestamp = hasTimestamp;
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StreamRecord)) {
            return false;
        }
        StreamRecord<?> other = (StreamRecord<?>) o;
        return hasTimestamp == other.hasTimestamp && (!hasTimestamp || timestamp == other.timestamp)
                && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value) * 31 + (hasTimestamp ? Long.hashCode(timestamp) : 0);
    }

    @Override
    public String toString() {
        return "Record @ " + (hasTimestamp ? String.valueOf(timestamp) : "(undef)") + " : " + value;
    }
}
