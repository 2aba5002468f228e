package io.freshet.streaming.api.operators;

import io.freshet.api.common.functions.DefaultOpenContext;
import io.freshet.api.common.functions.Function;
import io.freshet.api.common.functions.RichFunction;
import io.freshet.streaming.api.watermark.Watermark;

/**
 * Base of two-input operators around one user function: opens and closes it, and combines the inputs'
 * watermarks (the minimum, forwarded when it rises).
 */
public abstract class AbstractTwoInputStreamOperator<IN1, IN2, OUT, F extends Function>
        extends AbstractStreamOperator<OUT> implements TwoInputStreamOperator<IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    protected final F userFunction;
    private transient long watermark1;
    private transient long watermark2;
    private transient long combined;
    private transient boolean idle1;
    private transient boolean idle2;

    protected AbstractTwoInputStreamOperator(F userFunction) {
        this.userFunction = userFunction;
    }

    public F getUserFunction() {
        return userFunction;
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).setRuntimeContext(getRuntimeContext());
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        watermark1 = Long.MIN_VALUE;
        watermark2 = Long.MIN_VALUE;
        combined = Long.MIN_VALUE;
        idle1 = false;
        idle2 = false;
        initializeFunctionState(userFunction);
        if (userFunction instanceof RichFunction) {
            ((RichFunction) userFunction).open(DefaultOpenContext.INSTANCE);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (userFunction instanceof RichFunction) {
                ((RichFunction) userFunction).close();
            }
        } finally {
            super.close();
        }
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        watermark1 = mark.getTimestamp();
        combine();
    }

    @Override
    public void processWatermark2(Watermark mark) throws Exception {
        watermark2 = mark.getTimestamp();
        combine();
    }

    @Override
    public void processWatermarkStatus1(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {
        boolean wasIdle = idle1 && idle2;
        idle1 = watermarkStatus.isIdle();
        onStatusChange(wasIdle);
    }

    @Override
    public void processWatermarkStatus2(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {
        boolean wasIdle = idle1 && idle2;
        idle2 = watermarkStatus.isIdle();
        onStatusChange(wasIdle);
    }

    /** Idle when both inputs are; an idle input's watermark no longer holds the other back. */
    private void onStatusChange(boolean wasIdle) throws Exception {
        boolean idle = idle1 && idle2;
        if (idle != wasIdle) {
            output.emitWatermarkStatus(idle ? io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE : io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE);
        }
        combine();
    }

    private void combine() throws Exception {
        long minimum = idle1 && !idle2 ? watermark2 : idle2 && !idle1 ? watermark1 : Math.min(watermark1, watermark2);
        if (minimum > combined) {
            combined = minimum;
            processWatermark(new Watermark(minimum));
        }
    }

    /** The combined watermark. */
    protected long currentWatermark() {
        return combined;
    }
}
