package io.freshet.streaming.runtime.tasks;

import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Feeds several outputs. Every output but the last gets a copy of the record's value's holder (a fresh
 * {@link StreamRecord} around the same value), because an output may reuse the record it is given.
 */
final class BroadcastingOutput<T> implements Output<StreamRecord<T>> {

    private final Output<StreamRecord<T>>[] outputs;
    private final StreamRecord<T> shared = new StreamRecord<>(null);

    BroadcastingOutput(Output<StreamRecord<T>>[] outputs) {
        this.outputs = outputs;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        int last = outputs.length - 1;
        for (int i = 0; i < last; i++) {
            if (record.hasTimestamp()) {
                shared.replace(record.getValue(), record.getTimestamp());
            } else {
                shared.eraseTimestamp();
                shared.replace(record.getValue());
            }
            outputs[i].collect(shared);
        }
        outputs[last].collect(record);
    }

    @Override
    public <X> void collect(io.freshet.util.OutputTag<X> outputTag, StreamRecord<X> record) {
        throw new IllegalStateException("side outputs are routed by OperatorOutput");
    }

    @Override
    public void emitWatermark(Watermark mark) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) {
        for (Output<StreamRecord<T>> output : outputs) {
            output.emitWatermarkStatus(watermarkStatus);
        }
    }

    @Override
    public void close() {
        for (Output<StreamRecord<T>> output : outputs) {
            output.close();
        }
    }
}
