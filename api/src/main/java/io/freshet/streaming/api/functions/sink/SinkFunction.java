package io.freshet.streaming.api.functions.sink;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;

/**
 * Writes each record somewhere outside the job.
 *
 * @deprecated in Flink as in Freshet, in favour of the {@code Sink} API; still fully supported
 */
@Deprecated
public interface SinkFunction<IN> extends Function, Serializable {

    /** @deprecated implement {@link #invoke(Object, Context)} */
    @Deprecated
    default void invoke(IN value) throws Exception {}

    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    /** A watermark reached the sink. */
    default void writeWatermark(io.freshet.api.common.eventtime.Watermark watermark) throws Exception {}

    /** The input has ended (bounded streams): write what is buffered. */
    default void finish() throws Exception {}

    /** What a sink knows about the record it writes. */
    interface Context {

        /** The record's timestamp, or null if it has none. */
        Long timestamp();

        /** The current watermark of the sink. */
        long currentWatermark();

        /** The current processing time (epoch millis). */
        long currentProcessingTime();
    }
}
