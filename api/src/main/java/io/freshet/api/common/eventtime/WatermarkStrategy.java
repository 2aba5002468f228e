package io.freshet.api.common.eventtime;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a stream gets event time: a {@link TimestampAssigner} for the records and a {@link WatermarkGenerator} for
 * the watermarks, both created in each parallel instance. Used with
 * {@code DataStream.assignTimestampsAndWatermarks(strategy)}.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T>,
        Serializable {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default the records keep the timestamps their source gave them. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** This strategy with timestamps from {@code timestampAssigner}. */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        return withTimestampAssigner(TimestampAssignerSupplier.of(timestampAssigner));
    }

    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return base.createWatermarkGenerator(context);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return timestampAssigner.createTimestampAssigner(context);
            }
        };
    }

    /**
     * This strategy, marking the stream idle after {@code idleTimeout} without records (in processing time), so that
     * the operators downstream stop waiting for its watermark; its next record makes it active again.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive: " + idleTimeout);
        }
        WatermarkStrategy<T> base = this;
        return new WatermarkStrategy<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarksWithIdleness<>(base.createWatermarkGenerator(context), idleTimeout);
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return base.createTimestampAssigner(context);
            }
        };
    }

    /** Watermarks for timestamps that never decrease. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /** Watermarks for records at most {@code maxOutOfOrderness} out of order. */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** Watermarks from a generator of your own. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks: event time advances only when a bounded input ends. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return context -> new NoWatermarksGenerator<>();
    }
}
