package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * Base of operators: keeps the output and the runtime context from {@link #setup}, forwards watermarks, and does
 * nothing on open, finish and close.
 */
public abstract class AbstractStreamOperator<OUT> implements StreamOperator<OUT> {

    private static final long serialVersionUID = 1L;

    protected ChainingStrategy chainingStrategy = ChainingStrategy.ALWAYS;

    protected transient Output<StreamRecord<OUT>> output;
    private transient StreamingRuntimeContext runtimeContext;
    private transient KeyContext keyContext;
    private transient ProcessingTimeService processingTimeService;
    private transient InternalTimerService<?> timerService;
    private transient boolean batchExecution;
    private transient io.freshet.api.common.state.KeyedStateStore keyedStateStore;
    private transient MailboxExecutor mailboxExecutor;

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.runtimeContext = new StreamingRuntimeContext(parameters);
        this.keyContext = parameters.getKeyContext();
        this.processingTimeService = parameters.getProcessingTimeService();
        this.batchExecution = parameters.isBatchExecution();
        this.keyedStateStore = parameters.getKeyedStateStore();
        this.mailboxExecutor = parameters.getMailboxExecutor();
    }

    /**
     * Lets a user function that is a {@code CheckpointedFunction} register its operator (and keyed) state; called
     * before the function is opened, as Flink does.
     */
    protected void initializeFunctionState(Object function) throws Exception {
        if (function instanceof io.freshet.streaming.api.checkpoint.CheckpointedFunction) {
            HeapOperatorStateStore operatorState = new HeapOperatorStateStore();
            ((io.freshet.streaming.api.checkpoint.CheckpointedFunction) function).initializeState(
                    operatorState.initializationContext(keyedStateStore));
        }
    }

    /** The task thread's mailbox. */
    protected MailboxExecutor getMailboxExecutor() {
        if (mailboxExecutor == null) {
            throw new IllegalStateException("This task has no mailbox.");
        }
        return mailboxExecutor;
    }

    /** The keyed state backend of a keyed operator, or null. */
    protected io.freshet.api.common.state.KeyedStateStore getKeyedStateStore() {
        return keyedStateStore;
    }

    /** Whether the job runs in BATCH mode: keyed input sorted by key, no watermarks until the input ends. */
    protected boolean isBatchExecution() {
        return batchExecution;
    }

    /**
     * BATCH execution of a keyed operator: the records of the current key are done. Fires the key's timers; an
     * operator that emits once per key (a batch reduce) overrides this and calls {@code super}.
     */
    public void endKeyInBatch() throws Exception {
        if (timerService != null) {
            timerService.endOfKey();
        }
    }

    /** Emits {@code value} to a side output, with {@code timestamp} (or none, for null). */
    protected <X> void emitSideOutput(io.freshet.util.OutputTag<X> outputTag, X value, Long timestamp) {
        java.util.Objects.requireNonNull(outputTag, "the OutputTag of a side output");
        output.collect(outputTag, timestamp == null ? new StreamRecord<>(value) : new StreamRecord<>(value, timestamp));
    }

    public ProcessingTimeService getProcessingTimeService() {
        return processingTimeService;
    }

    /** The current key, on a keyed stream; else null. */
    public Object getCurrentKey() {
        return keyContext == null ? null : keyContext.getCurrentKey();
    }

    /**
     * The operator's keyed timers, created on first call; they fire into {@code triggerable}.
     *
     * @throws UnsupportedOperationException on a non-keyed stream
     */
    @SuppressWarnings("unchecked")
    protected <K> InternalTimerService<K> getInternalTimerService(InternalTimerService.Triggerable<K> triggerable) {
        if (keyContext == null) {
            throw new UnsupportedOperationException("Timers are only available on keyed streams: apply the function"
                    + " after keyBy(...).");
        }
        if (timerService == null) {
            timerService = new InternalTimerService<>(keyContext, processingTimeService, triggerable, batchExecution);
        }
        return (InternalTimerService<K>) timerService;
    }

    public StreamingRuntimeContext getRuntimeContext() {
        return runtimeContext;
    }

    @Override
    public void open() throws Exception {}

    @Override
    public void finish() throws Exception {}

    @Override
    public void close() throws Exception {
        if (timerService != null) {
            timerService.close();
        }
        if (runtimeContext != null) {
            runtimeContext.runReleaseHooks();
        }
    }

    /** Fires the event-time timers the watermark reaches, then forwards it. */
    public void processWatermark(Watermark mark) throws Exception {
        if (timerService != null) {
            timerService.advanceWatermark(mark.getTimestamp());
        }
        output.emitWatermark(mark);
    }

    /** Forwards the input's idleness: an operator with one input is idle exactly when its input is. */
    public void processWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) throws Exception {
        output.emitWatermarkStatus(watermarkStatus);
    }

    @Override
    public ChainingStrategy getChainingStrategy() {
        return chainingStrategy;
    }

    @Override
    public void setChainingStrategy(ChainingStrategy strategy) {
        this.chainingStrategy = strategy;
    }
}
