package io.freshet.streaming.api.functions.sink;

import io.freshet.api.common.functions.AbstractRichFunction;

/** A {@link SinkFunction} with the rich function lifecycle (open, close, runtime context). */
@Deprecated
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {

    private static final long serialVersionUID = 1L;
}
