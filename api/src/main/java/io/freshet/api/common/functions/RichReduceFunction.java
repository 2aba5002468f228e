package io.freshet.api.common.functions;

/**
 * A {@link ReduceFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <T> the type of the values combined
 */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract T reduce(T value1, T value2) throws Exception;
}
