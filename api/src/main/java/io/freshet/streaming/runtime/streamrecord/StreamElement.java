package io.freshet.streaming.runtime.streamrecord;

import io.freshet.streaming.api.watermark.Watermark;

/** What flows through a stream: records and watermarks. */
public abstract class StreamElement {

    public final boolean isRecord() {
        return getClass() == StreamRecord.class;
    }

    public final boolean isWatermark() {
        return getClass() == Watermark.class;
    }

    @SuppressWarnings("unchecked")
    public final <E> StreamRecord<E> asRecord() {
        return (StreamRecord<E>) this;
    }

    public final Watermark asWatermark() {
        return (Watermark) this;
    }
}
