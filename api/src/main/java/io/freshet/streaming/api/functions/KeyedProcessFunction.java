package io.freshet.streaming.api.functions;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.streaming.api.TimeDomain;
import io.freshet.streaming.api.TimerService;
import io.freshet.util.Collector;
import io.freshet.util.OutputTag;

/**
 * A process function on a keyed stream: per record, the key, keyed state ({@code getRuntimeContext().getState}),
 * and timers per key that call {@link #onTimer} in timestamp order.
 */
public abstract class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} knows about the record. */
    public abstract class Context {

        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract K getCurrentKey();
    }

    /** What {@link #onTimer} knows. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();

        @Override
        public abstract K getCurrentKey();
    }
}
