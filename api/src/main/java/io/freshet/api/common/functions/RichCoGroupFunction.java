package io.freshet.api.common.functions;

import io.freshet.util.Collector;

/**
 * A {@link CoGroupFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public abstract class RichCoGroupFunction<IN1, IN2, OUT> extends AbstractRichFunction implements CoGroupFunction<IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
