package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Base of operators: keeps the output and the runtime context from {@link #setup}, forwards watermarks, and does
 * nothing on open, finish and close.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

    private static final long serialVersionUID = 1L;

    protected ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

    protected transient Output<StreamRecord<OUT>> output;
    private transient StreamingRuntimeContext runtimeContext;

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.runtimeContext = new StreamingRuntimeContext(parameters);
    }

    public StreamingRuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public void open() throws Exception {}

    @Override
    public void finish() throws Exception {}

    @Override
    public void close() throws Exception {
        if (runtimeContext != null) {
            runtimeContext.runReleaseHooks();
        }
    }

    /** Forwards the watermark; operators that hold records back by event time override this. */
    public void processWatermark(Watermark mark) throws Exception {
        output.emitWatermark(mark);
    }

    @Override
    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    @Override
    public void setChainingStrategy(ChainingStrategy strategy) {
        this.chainingStrategy = strategy;
    }
}
