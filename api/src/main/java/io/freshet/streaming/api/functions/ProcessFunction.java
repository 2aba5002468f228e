package io.freshet.streaming.api.functions;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.streaming.api.TimerService;
import io.freshet.util.Collector;
import io.freshet.util.OutputTag;

/**
 * The most general one-input function: sees each record with its timestamp and the time services, and emits any
 * number of results. On a keyed stream prefer {@link KeyedProcessFunction}, which also has timers and the key.
 */
public abstract class ProcessFunction<I, O> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

    /** A timer fired (keyed streams only). */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {}

    /** What {@link #processElement} knows about the record. */
    public abstract class Context {

        /** The record's timestamp, or null if it has none. */
        public abstract Long timestamp();

        public abstract TimerService timerService();

        /** Emits to a side output. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} knows. */
    public abstract class OnTimerContext extends Context {

        public abstract io.freshet.streaming.api.TimeDomain timeDomain();
    }
}
