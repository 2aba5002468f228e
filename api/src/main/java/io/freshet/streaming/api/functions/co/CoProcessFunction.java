package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.streaming.api.TimeDomain;
import io.freshet.streaming.api.TimerService;
import io.freshet.util.Collector;
import io.freshet.util.OutputTag;

/** Processes the records of two connected streams, with their timestamps and (on keyed streams) timers. */
public abstract class CoProcessFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement1(IN1 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract void processElement2(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** What the process methods know. */
    public abstract class Context {

        public abstract Long timestamp();

        public abstract TimerService timerService();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }

    /** What {@link #onTimer} knows. */
    public abstract class OnTimerContext extends Context {

        public abstract TimeDomain timeDomain();
    }
}
