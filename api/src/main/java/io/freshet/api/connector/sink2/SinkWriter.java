package io.freshet.api.connector.sink2;

import java.io.IOException;

import io.freshet.api.common.eventtime.Watermark;

/** Writes one parallel instance's records of a {@link Sink}. */
public interface SinkWriter<InputT> extends AutoCloseable {

    void write(InputT element, Context context) throws IOException, InterruptedException;

    /** Makes what was written durable; {@code endOfInput} at the end of a bounded input. */
    void flush(boolean endOfInput) throws IOException, InterruptedException;

    default void writeWatermark(Watermark watermark) throws IOException, InterruptedException {}

    /** What the writer knows about the record it writes. */
    interface Context {
        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}
