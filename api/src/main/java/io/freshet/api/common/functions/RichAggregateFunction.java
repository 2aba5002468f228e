package io.freshet.api.common.functions;

/**
 * An {@link AggregateFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN> the type of the aggregated values
 * @param <ACC> the accumulator type
 * @param <OUT> the result type
 */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction
        implements AggregateFunction<IN, ACC, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract ACC createAccumulator();

    @Override
    public abstract ACC add(IN value, ACC accumulator);

    @Override
    public abstract OUT getResult(ACC accumulator);

    @Override
    public abstract ACC merge(ACC a, ACC b);
}
