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
        while (emitted < size && running) {
            synchronized (lock) {
                long end = Math.min(size, emitted + 1024);
                for (long i = emitted; i < end; i++) {
                    ctx.collect(start + i);
                }
                emitted = end;
            }
        }
    }

    // ---- checkpoints: the number of numbers emitted, so a restore goes on after them ----

    private transient io.freshet.api.common.state.ListState<Long> emittedState;
    private long emitted;

    @Override
    public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
        emittedState = context.getOperatorStateStore().getListState(
                new io.freshet.api.common.state.ListStateDescriptor<>("emitted", Long.class));
        emitted = 0;
        for (Long restored : emittedState.get()) {
            emitted = restored;
        }
    }

    @Override
    public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
        emittedState.update(java.util.List.of(emitted));
    }


    @Override
    public void cancel() {
        running = false;
    }
}
