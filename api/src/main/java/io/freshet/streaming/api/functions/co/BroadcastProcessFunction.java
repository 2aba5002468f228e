package io.freshet.streaming.api.functions.co;

import io.freshet.util.Collector;

/**
 * Processes a non-keyed stream connected with a broadcast stream: broadcast elements may change the broadcast state,
 * the other elements read it.
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> extends BaseBroadcastProcessFunction {

    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    /** The context of a broadcast element. */
    public abstract class Context extends BaseBroadcastProcessFunction.Context {}

    /** The context of a non-broadcast element. */
    public abstract class ReadOnlyContext extends BaseBroadcastProcessFunction.ReadOnlyContext {}
}
