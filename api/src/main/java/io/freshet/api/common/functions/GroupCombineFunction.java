package io.freshet.api.common.functions;

import io.freshet.util.Collector;
import java.io.Serializable;

/**
 * Pre-aggregates part of a group before the data is shipped. The runtime decides how records are split into
 * calls, so a group may be seen in several calls, each with a subset of its records.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
@FunctionalInterface
public interface GroupCombineFunction<IN, OUT> extends Function, Serializable {

    /**
     * Emits the combined records for the given subset into {@code out}. {@code values} may be traversed once
     * only and is valid only during this call.
     */
    void combine(Iterable<IN> values, Collector<OUT> out) throws Exception;
}
