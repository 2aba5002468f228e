package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with the rich function lifecycle (and keyed state after {@code keyBy}). */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoMapFunction<IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;
}
