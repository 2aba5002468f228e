package io.freshet.api.connector.source;

import io.freshet.api.common.eventtime.WatermarkOutput;

/** Where a reader emits records, with or without a timestamp of their own, and watermarks. */
public interface SourceOutput<T> extends WatermarkOutput {

    void collect(T record);

    void collect(T record, long timestamp);
}
