package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.util.Collector;

/**
 * Where an operator emits: records (as {@link io.freshet.streaming.runtime.streamrecord.StreamRecord}s) and
 * watermarks. Inside a chain an output calls the next operator directly; at the end of a chain it serializes into
 * the network. A record handed to {@link #collect} may be reused by the caller once the call returns.
 */
public interface Output<T> extends Collector<T> {

    void emitWatermark(Watermark mark);

    /** Tells the operators downstream that this stream is idle (their watermark need not wait for it) or active. */
    void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus);

    /** Emits to the side output {@code outputTag}; dropped when nothing consumes that side output. */
    <X> void collect(io.freshet.util.OutputTag<X> outputTag,
            io.freshet.streaming.runtime.streamrecord.StreamRecord<X> record);
}
