package io.freshet.api.common.functions;

import io.freshet.util.Collector;

/**
 * A {@link GroupCombineFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public abstract class RichGroupCombineFunction<IN, OUT> extends AbstractRichFunction implements GroupCombineFunction<IN, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract void combine(Iterable<IN> values, Collector<OUT> out) throws Exception;
}
