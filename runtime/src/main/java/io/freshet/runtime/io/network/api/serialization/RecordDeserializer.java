package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;

import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.plugable.DeserializationDelegate;

/**
 * Turns the data buffers of one channel back into records. Buffers go in one at a time; each is recycled by the
 * deserializer as soon as its last byte has been read.
 *
 * @param <T> the record type
 */
public interface RecordDeserializer<T> {

    /** What one call to {@link #getNextRecord} achieved. */
    enum DeserializationResult {
        /** No complete record; the buffer is used up (and recycled): give the next buffer. */
        PARTIAL_RECORD(false, true),
        /** A record was read; the buffer has more bytes: call again. */
        INTERMEDIATE_RECORD_FROM_BUFFER(true, false),
        /** A record was read and it was the buffer's last byte (the buffer is recycled): give the next buffer. */
        LAST_RECORD_FROM_BUFFER(true, true);

        private final boolean isFullRecord;
        private final boolean isBufferConsumed;

        DeserializationResult(boolean isFullRecord, boolean isBufferConsumed) {
            this.isFullRecord = isFullRecord;
            this.isBufferConsumed = isBufferConsumed;
        }

        public boolean isFullRecord() {
            return isFullRecord;
        }

        public boolean isBufferConsumed() {
            return isBufferConsumed;
        }
    }

    /** Gives the next data buffer of the channel; the previous one must be used up. Takes over its ownership. */
    void setNextBuffer(Buffer buffer) throws IOException;

    /** Reads the next record into {@code target}, if the bytes given so far complete one. */
    DeserializationResult getNextRecord(DeserializationDelegate<T> target) throws IOException;

    /** True when bytes of an incomplete record, or an unread buffer, are held. */
    boolean hasUnfinishedData();

    /** Recycles the buffer held, if any, and forgets any partial record. */
    void clear();

    /**
     * Between two records: the bytes given to this deserializer and not yet read, exactly as they were on the wire
     * (the rest of the current buffer, or the start of a record whose end is in buffers still to come), or null when
     * there are none.
     */
    default byte[] copyUnfinishedRecord() {
        throw new UnsupportedOperationException(getClass().getName() + " cannot copy an unfinished record");
    }
}
