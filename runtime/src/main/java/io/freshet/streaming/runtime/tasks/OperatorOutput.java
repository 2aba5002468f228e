package io.freshet.streaming.runtime.tasks;

import java.util.Map;

import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/**
 * An operator's output: its main stream to the edges that read it, each side output to the edges that read that
 * side output (by tag id; a side output nobody reads is dropped), and watermarks to every edge.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class OperatorOutput<T> implements Output<StreamRecord<T>> {

    private final Output<StreamRecord<T>> main;
    private final Map<String, Output> sideOutputs;
    private final Output[] all;

    /** @param main the main edges (a discarding output when none) */
    OperatorOutput(Output<StreamRecord<T>> main, Map<String, Output> sideOutputs, Output[] all) {
        this.main = main;
        this.sideOutputs = sideOutputs;
        this.all = all;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        main.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        Output output = sideOutputs.get(outputTag.getId());
        if (output != null) {
            output.collect(record);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        for (Output output : all) {
            output.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) {
        for (Output output : all) {
            output.emitWatermarkStatus(watermarkStatus);
        }
    }

    @Override
    public void close() {}
}
