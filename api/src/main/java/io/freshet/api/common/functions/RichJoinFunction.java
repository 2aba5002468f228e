package io.freshet.api.common.functions;

/**
 * A {@link JoinFunction} with the lifecycle and runtime context of a {@link RichFunction}.
 *
 * @param <IN1> the type of the first input
 * @param <IN2> the type of the second input
 * @param <OUT> the output type
 */
public abstract class RichJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction implements JoinFunction<IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT join(IN1 first, IN2 second) throws Exception;
}
