package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** One input of an operator. */
public interface Input<IN> {

    /** Processes one record; the record instance may be reused after the call. */
    void processElement(StreamRecord<IN> element) throws Exception;

    /** A watermark arrived (the minimum over the operator's input channels). */
    void processWatermark(Watermark mark) throws Exception;

    /** The input turned idle or active again (all its channels idle, or one of them active). */
    default void processWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {}
}
