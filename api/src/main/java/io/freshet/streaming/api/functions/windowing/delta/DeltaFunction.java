package io.freshet.streaming.api.functions.windowing.delta;

import java.io.Serializable;

/**
 * The distance between two data points, for {@code DeltaTrigger} and {@code DeltaEvictor}.
 *
 * @param <DATA> the data points
 */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {

    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
