package io.freshet.streaming.api.functions.async;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.api.common.functions.RuntimeContext;

/** An {@link AsyncFunction} with the rich function lifecycle ({@code open}, {@code close}, runtime context). */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {

    private static final long serialVersionUID = 1L;

    @Override
    public void setRuntimeContext(RuntimeContext runtimeContext) {
        super.setRuntimeContext(runtimeContext);
    }

    @Override
    public abstract void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;
}
