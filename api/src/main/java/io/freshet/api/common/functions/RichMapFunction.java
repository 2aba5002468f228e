package io.freshet.api.common.functions;

/**
 * A {@link MapFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT map(IN value) throws Exception;
}
