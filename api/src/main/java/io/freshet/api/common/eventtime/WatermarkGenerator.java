package io.freshet.api.common.eventtime;

/**
 * Produces watermarks from the records' timestamps: on every record ({@link #onEvent}) and periodically
 * ({@link #onPeriodicEmit}, every {@code pipeline.auto-watermark-interval}).
 */
public interface WatermarkGenerator<T> {

    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
