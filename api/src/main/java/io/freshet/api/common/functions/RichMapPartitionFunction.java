package io.freshet.api.common.functions;

import io.freshet.util.Collector;

/**
 * A {@link MapPartitionFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public abstract class RichMapPartitionFunction<I, O> extends AbstractRichFunction implements MapPartitionFunction<I, O> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract void mapPartition(Iterable<I> values, Collector<O> out) throws Exception;
}
