package io.freshet.streaming.api.functions.windowing;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/** Computes the results of one window of a non-keyed stream, with the window at hand. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** What {@link #process} knows. */
    public abstract class Context {

        public abstract W window();
    }
}
