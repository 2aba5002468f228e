package io.freshet.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {

    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What the supplier may use to create its generator. */
    interface Context {}
}
