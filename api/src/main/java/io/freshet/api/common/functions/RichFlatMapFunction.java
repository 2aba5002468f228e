package io.freshet.api.common.functions;

import io.freshet.util.Collector;

/**
 * A {@link FlatMapFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap(IN value, Collector<OUT> out) throws Exception;
}
