package io.freshet.streaming.api.functions.windowing;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.util.Collector;

/** Computes the results of one window of one key from its elements, with the window and the time at hand. */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** The window is gone (after its allowed lateness); clean up per-window state of your own. */
    public void clear(Context context) throws Exception {}

    /** What {@link #process} knows. */
    public abstract class Context {

        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }
}
