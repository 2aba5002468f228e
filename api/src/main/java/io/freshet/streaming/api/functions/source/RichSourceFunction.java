package io.freshet.streaming.api.functions.source;

import io.freshet.api.common.functions.AbstractRichFunction;

/** A {@link SourceFunction} with the rich function lifecycle (open, close, runtime context). */
@Deprecated
public abstract class RichSourceFunction<OUT> extends AbstractRichFunction implements SourceFunction<OUT> {

    private static final long serialVersionUID = 1L;
}
