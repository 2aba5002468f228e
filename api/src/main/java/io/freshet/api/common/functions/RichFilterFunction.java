package io.freshet.api.common.functions;

/**
 * A {@link FilterFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <T> the record type
 */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract boolean filter(T value) throws Exception;
}
