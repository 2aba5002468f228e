package io.freshet.streaming.runtime.streamrecord;

import io.freshet.streaming.api.watermark.Watermark;

/** What flows through a stream: records, watermarks and watermark statuses. */
public abstract class StreamElement {

    public final boolean isRecord() {
        return getClass() == StreamRecord.class;
    }

    public final boolean isWatermark() {
        return getClass() == Watermark.class;
    }

    public final boolean isWatermarkStatus() {
        return getClass() == io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.class;
    }

    public final io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus asWatermarkStatus() {
        return (io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus) this;
    }

    @SuppressWarnings("unchecked")
    public final <E> StreamRecord<E> asRecord() {
        return (StreamRecord<E>) this;
    }

    public final Watermark asWatermark() {
        return (Watermark) this;
    }
}
