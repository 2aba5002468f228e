package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.state.State;
import io.freshet.api.common.state.StateDescriptor;
import io.freshet.runtime.state.KeyedStateFunction;
import io.freshet.streaming.api.TimeDomain;
import io.freshet.streaming.api.TimerService;
import io.freshet.util.Collector;

/**
 * Processes a keyed stream connected with a broadcast stream: the keyed elements read the broadcast state and use
 * their key's state and timers; broadcast elements change the broadcast state and may visit every key's state.
 */
public abstract class KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** A timer of the current key fired. */
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<OUT> out) throws Exception {}

    /** The context of a broadcast element. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {
        /** Applies {@code function} to the state {@code stateDescriptor} of every key that has it. */
        public abstract <VS, S extends State> void applyToKeyedState(StateDescriptor<S, VS> stateDescriptor,
                KeyedStateFunction<KS, S> function) throws Exception;
    }

    /** The context of a keyed element. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {
        public abstract TimerService timerService();

        public abstract KS getCurrentKey();
    }

    /** The context of a firing timer. */
    public abstract class OnTimerContext extends ReadOnlyContext {
        public abstract TimeDomain timeDomain();

        @Override
        public abstract KS getCurrentKey();
    }
}
