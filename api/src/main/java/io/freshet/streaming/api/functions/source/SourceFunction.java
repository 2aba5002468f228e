package io.freshet.streaming.api.functions.source;

import java.io.Serializable;

import io.freshet.api.common.functions.Function;
import io.freshet.streaming.api.watermark.Watermark;

/**
 * A source that emits records from its {@link #run} loop until it has no more ({@code run} returns: a bounded
 * source) or it is {@link #cancel()}ed (called from another thread: make the loop see it, e.g. a volatile flag).
 * Not parallel unless it implements {@link ParallelSourceFunction}.
 *
 * @deprecated in Flink as in Freshet, in favour of the split-based {@code Source} API; still fully supported
 */
@Deprecated
public interface SourceFunction<T> extends Function, Serializable {

    void run(SourceContext<T> ctx) throws Exception;

    void cancel();

    /** How a source emits. */
    interface SourceContext<T> {

        /** Emits a record without a timestamp (or with the ingestion time, later). */
        void collect(T element);

        /** Emits a record with an event-time timestamp. */
        void collectWithTimestamp(T element, long timestamp);

        /** Emits a watermark. */
        void emitWatermark(Watermark mark);

        /** Marks the source as idle: it emits nothing for now, downstream operators need not wait for it. */
        void markAsTemporarilyIdle();

        /** The lock to hold while emitting a record together with a change of the source's own state. */
        Object getCheckpointLock();

        void close();
    }
}
