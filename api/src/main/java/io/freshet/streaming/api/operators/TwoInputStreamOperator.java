package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** An operator with two inputs ({@code connect}); its watermark is the minimum of the two inputs'. */
public interface TwoInputStreamOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {

    void processElement1(StreamRecord<IN1> element) throws Exception;

    void processElement2(StreamRecord<IN2> element) throws Exception;

    void processWatermark1(Watermark mark) throws Exception;

    void processWatermark2(Watermark mark) throws Exception;

    /** The first input turned idle or active again. */
    default void processWatermarkStatus1(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {}

    /** The second input turned idle or active again. */
    default void processWatermarkStatus2(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {}
}
