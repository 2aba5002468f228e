package io.freshet.streaming.api.functions.co;

import io.freshet.api.common.functions.AbstractRichFunction;
import io.freshet.util.Collector;
import io.freshet.util.OutputTag;

/**
 * Processes the pairs of an interval join ({@code keyed1.intervalJoin(keyed2).between(lower, upper)}): each pair of
 * a left and a right record of one key whose timestamps satisfy {@code left + lower <= right <= left + upper}.
 */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** Called once per joined pair; what it emits carries the later of the two timestamps. */
    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** What {@link #processElement} knows about the pair. */
    public abstract class Context {

        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The timestamp of the output: the larger of the left and right timestamps. */
        public abstract long getTimestamp();

        /** Emits to a side output, with the timestamp of the output. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
