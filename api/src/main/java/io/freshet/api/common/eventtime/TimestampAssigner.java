package io.freshet.api.common.eventtime;

/** Gives a record its event-time timestamp (epoch milliseconds). */
@FunctionalInterface
public interface TimestampAssigner<T> {

    /** The value of a record's timestamp when it has none. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    /** @param recordTimestamp the record's current timestamp, or {@link #NO_TIMESTAMP} */
    long extractTimestamp(T element, long recordTimestamp);
}
