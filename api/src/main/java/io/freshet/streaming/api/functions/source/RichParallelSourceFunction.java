package io.freshet.streaming.api.functions.source;

import io.freshet.api.common.functions.AbstractRichFunction;

/** A {@link ParallelSourceFunction} with the rich function lifecycle (open, close, runtime context). */
@Deprecated
public abstract class RichParallelSourceFunction<OUT> extends AbstractRichFunction
        implements ParallelSourceFunction<OUT> {

    private static final long serialVersionUID = 1L;
}
