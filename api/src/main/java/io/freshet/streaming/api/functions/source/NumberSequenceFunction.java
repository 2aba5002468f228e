package io.freshet.streaming.api.functions.source;

/**
 * The longs {@code from} to {@code to} (both included). Subtask {@code i} of {@code n} emits the i-th of n
 * contiguous, equally sized (within one) ranges, in ascending order.
 */
@Deprecated
public class NumberSequenceFunction extends RichParallelSourceFunction<Long> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;
    private volatile boolean running = true;

    public NumberSequenceFunction(long from, long to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public void run(SourceContext<Long> ctx) {
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        int parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        // sizes as unsigned: from..to may span the whole long range
        long total = to - from + 1;
        long base = Long.divideUnsigned(total, parallelism);
        long remainder = Long.remainderUnsigned(total, parallelism);
        long start = from + base * subtask + Math.min(subtask, remainder);
        long size = base + (subtask < remainder ? 1 : 0);
        for (long i = 0; i < size && running; i++) {
            ctx.collect(start + i);
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
