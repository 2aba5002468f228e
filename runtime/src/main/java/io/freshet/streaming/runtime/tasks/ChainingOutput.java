package io.freshet.streaming.runtime.tasks;

import io.freshet.streaming.api.operators.Input;
import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/** Hands records to the next operator of the chain as a method call; its failures pass through unchanged. */
final class ChainingOutput<T> implements Output<StreamRecord<T>> {

    private final Input<T> next;

    ChainingOutput(Input<T> next) {
        this.next = next;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        try {
            next.processElement(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) {
        try {
            next.processWatermarkStatus(watermarkStatus);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            next.processWatermark(mark);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    /** Leaf outputs carry one stream; the operator's {@link OperatorOutput} routes side outputs to them. */
    @Override
    public <X> void collect(io.freshet.util.OutputTag<X> outputTag, StreamRecord<X> record) {
        throw new IllegalStateException("side outputs are routed by OperatorOutput, not by a single edge");
    }

    @Override
    public void close() {}

    /** Carries a checked exception of a chained operator through {@code collect}; the task unwraps it. */
    static final class ChainedOperatorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChainedOperatorException(Exception cause) {
            super(cause);
        }
    }
}
