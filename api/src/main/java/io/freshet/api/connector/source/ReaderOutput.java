package io.freshet.api.connector.source;

import io.freshet.api.common.eventtime.Watermark;

/** The output a reader's {@code pollNext} emits into. */
public interface ReaderOutput<T> extends SourceOutput<T> {

    @Override
    void collect(T record);

    @Override
    void collect(T record, long timestamp);

    @Override
    void emitWatermark(Watermark watermark);

    @Override
    void markIdle();

    /** An output for the records of one split (for watermarks per split). */
    SourceOutput<T> createOutputForSplit(String splitId);

    void releaseOutputForSplit(String splitId);
}
