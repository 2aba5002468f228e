package io.freshet.streaming.api.operators;

import io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus;
import io.freshet.api.common.eventtime.TimestampAssigner;
import io.freshet.api.common.eventtime.WatermarkGenerator;
import io.freshet.api.common.eventtime.WatermarkOutput;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gives records their timestamps and emits watermarks from a {@link WatermarkStrategy}: on every record and every
 * {@code pipeline.auto-watermark-interval} (processing time). Watermarks from upstream are dropped, except the final
 * one that ends event time. Emitted watermarks only ever rise. In BATCH mode only timestamps are assigned: event
 * time ends with the input.
 */
public class TimestampsAndWatermarksOperator<T> extends AbstractStreamOperator<T>
        implements OneInputStreamOperator<T, T>, ProcessingTimeService.ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> watermarkStrategy;
    private final long autoWatermarkIntervalMillis;

    private transient TimestampAssigner<T> timestampAssigner;
    private transient WatermarkGenerator<T> watermarkGenerator;
    private transient WatermarkOutput watermarkOutput;
    private transient long lastEmitted;
    private transient boolean idle;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> watermarkStrategy, long autoWatermarkIntervalMillis) {
        this.watermarkStrategy = watermarkStrategy;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
    }

    @Override
    public void open() throws Exception {
        super.open();
        timestampAssigner = watermarkStrategy.createTimestampAssigner(new io.freshet.api.common.eventtime
                .TimestampAssignerSupplier.Context() {});
        watermarkGenerator = watermarkStrategy.createWatermarkGenerator(new io.freshet.api.common.eventtime
                .WatermarkGeneratorSupplier.Context() {});
        lastEmitted = Long.MIN_VALUE;
        idle = false;
        boolean batch = isBatchExecution();
        watermarkOutput = new WatermarkOutput() {
            @Override
            public void emitWatermark(io.freshet.api.common.eventtime.Watermark watermark) {
                if (batch) {
                    return; // BATCH: event time ends with the input, and only then
                }
                if (watermark.getTimestamp() > lastEmitted) {
                    markActive();
                    lastEmitted = watermark.getTimestamp();
                    output.emitWatermark(new Watermark(watermark.getTimestamp()));
                }
            }

            @Override
            public void markIdle() {
                if (!batch && !idle) {
                    idle = true;
                    output.emitWatermarkStatus(WatermarkStatus.IDLE);
                }
            }

            @Override
            public void markActive() {
                if (idle) {
                    idle = false;
                    output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
                }
            }
        };
        if (autoWatermarkIntervalMillis > 0 && !batch) {
            ProcessingTimeService time = getProcessingTimeService();
            time.registerTimer(time.getCurrentProcessingTime() + autoWatermarkIntervalMillis, this);
        }
    }

    @Override
    public void processElement(StreamRecord<T> element) throws Exception {
        T value = element.getValue();
        long timestamp = timestampAssigner.extractTimestamp(value, element.getTimestamp());
        element.setTimestamp(timestamp);
        if (idle) {
            watermarkOutput.markActive(); // a record wakes the stream up before it goes out
        }
        output.collect(element);
        watermarkGenerator.onEvent(value, timestamp, watermarkOutput);
    }

    @Override
    public void onProcessingTime(long time) throws Exception {
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
        ProcessingTimeService service = getProcessingTimeService();
        service.registerTimer(service.getCurrentProcessingTime() + autoWatermarkIntervalMillis, this);
    }

    @Override
    public void processWatermark(Watermark mark) {
        if (mark.getTimestamp() == Long.MAX_VALUE && lastEmitted != Long.MAX_VALUE) {
            lastEmitted = Long.MAX_VALUE;
            output.emitWatermark(mark);
        }
    }

    /** This operator decides the stream's idleness itself, from its own records. */
    @Override
    public void processWatermarkStatus(WatermarkStatus watermarkStatus) {}

    @Override
    public void finish() throws Exception {
        super.finish();
        watermarkGenerator.onPeriodicEmit(watermarkOutput);
    }
}
