package io.freshet.streaming.api.functions.source;

/**
 * The longs {@code from} to {@code to} (both included). Subtask {@code i} of {@code n} emits the i-th of n
 * contiguous, equally sized (within one) ranges, in ascending order.
 */
@Deprecated
public class NumberSequenceFunction extends RichParallelSourceFunction<Long>
        implements io.freshet.streaming.api.checkpoint.CheckpointedFunction {

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
        Object lock = ctx.getCheckpointLock();
        // in batches under the checkpoint lock: a checkpoint sees the records and the position agree
        while (emitted.count < size && running) {
            synchronized (lock) {
                long end = Math.min(size, emitted.count + 1024);
                for (long i = emitted.count; i < end; i++) {
                    ctx.collect(start + i);
                }
                emitted.count = end;
            }
        }
    }

    // ---- checkpoints ----

    private final EmittedRecords emitted = new EmittedRecords();

    @Override
    public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
        emitted.initialize(context);
    }

    @Override
    public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
        emitted.snapshot();
    }


    @Override
    public void cancel() {
        running = false;
    }
}
