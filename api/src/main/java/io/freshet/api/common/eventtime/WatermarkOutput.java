package io.freshet.api.common.eventtime;

/** Where a {@link WatermarkGenerator} emits. Watermarks that do not advance are dropped. */
public interface WatermarkOutput {

    void emitWatermark(Watermark watermark);

    /** The stream is idle: downstream operators need not wait for it. */
    void markIdle();

    /** The stream is active again. */
    default void markActive() {}
}
