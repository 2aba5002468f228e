package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with the rich function lifecycle (and keyed state after {@code keyBy}). */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {

    private static final long serialVersionUID = 1L;
}
