package io.freshet.api.common.eventtime;

/** Keeps the timestamp the record already has (from its source). */
public final class RecordTimestampAssigner<T> implements TimestampAssigner<T> {

    @Override
    public long extractTimestamp(T element, long recordTimestamp) {
        return recordTimestamp;
    }
}
