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
    private transient HeapOperatorStateStore operatorStateStore;
    private transient io.freshet.api.common.typeutils.TypeSerializer<Object> keySerializer;
    private transient java.util.function.Predicate<Object> ownsKey;
    /** Timers of a restored checkpoint, read when the operator creates its timer service. */
    private transient byte[] restoredTimers;
    /** The user function that takes part in checkpoints (CheckpointedFunction, CheckpointListener), or null. */
    private transient Object checkpointingFunction;

    @Override
    @SuppressWarnings("unchecked")
    public void setup(StreamOperatorParameters<OUT> parameters) {
        this.output = parameters.getOutput();
        this.runtimeContext = new StreamingRuntimeContext(parameters);
        this.keyContext = parameters.getKeyContext();
        this.processingTimeService = parameters.getProcessingTimeService();
        this.batchExecution = parameters.isBatchExecution();
        this.keyedStateStore = parameters.getKeyedStateStore();
        this.mailboxExecutor = parameters.getMailboxExecutor();
        this.keySerializer = (io.freshet.api.common.typeutils.TypeSerializer<Object>) parameters.getKeySerializer();
        this.ownsKey = parameters.getOwnsKey();
        this.operatorStateStore = new HeapOperatorStateStore(parameters.getExecutionConfig(),
                parameters.getUserCodeClassLoader(), "operator " + getClass().getSimpleName() + " of "
                        + (parameters.getTaskInfo() == null ? "a task" : parameters.getTaskInfo().getTaskNameWithSubtasks()));
        if (parameters.getTaskInfo() != null) {
            operatorStateStore.setSubtask(parameters.getTaskInfo().getIndexOfThisSubtask(),
                    parameters.getTaskInfo().getNumberOfParallelSubtasks());
        }
    }

    /**
     * Lets a user function that is a {@code CheckpointedFunction} register its operator (and keyed) state; called
     * before the function is opened, as Flink does.
     */
    protected void initializeFunctionState(Object function) throws Exception {
        checkpointingFunction = function;
        if (function instanceof io.freshet.streaming.api.checkpoint.CheckpointedFunction) {
            ((io.freshet.streaming.api.checkpoint.CheckpointedFunction) function).initializeState(
                    operatorStateStore.initializationContext(keyedStateStore));
        }
    }

    /** The operator state of this operator instance (lists, union lists, broadcast maps). */
    public io.freshet.api.common.state.OperatorStateStore getOperatorStateBackend() {
        return operatorStateStore;
    }

    private static final int SNAPSHOT_VERSION = 1;

    @Override
    public byte[] snapshotState(long checkpointId, long timestamp) throws Exception {
        if (checkpointingFunction instanceof io.freshet.streaming.api.checkpoint.CheckpointedFunction) {
            ((io.freshet.streaming.api.checkpoint.CheckpointedFunction) checkpointingFunction).snapshotState(
                    new io.freshet.runtime.state.FunctionSnapshotContext() {
                        @Override
                        public long getCheckpointId() {
                            return checkpointId;
                        }

                        @Override
                        public long getCheckpointTimestamp() {
                            return timestamp;
                        }
                    });
        }
        boolean timers = timerService != null || restoredTimers != null;
        if (operatorStateStore.isEmpty() && !timers) {
            return null;
        }
        io.freshet.core.memory.DataOutputSerializer out = new io.freshet.core.memory.DataOutputSerializer(256);
        out.writeInt(SNAPSHOT_VERSION);
        operatorStateStore.snapshot(out);
        out.writeBoolean(timers);
        if (timerService != null) {
            ((InternalTimerService<Object>) timerService).snapshot(out, keySerializer);
        } else if (restoredTimers != null) {
            out.write(restoredTimers);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public void initializeState(long checkpointId, java.util.List<byte[]> restoredStates) throws Exception {
        java.io.ByteArrayOutputStream timers = new java.io.ByteArrayOutputStream();
        int timerSnapshots = 0;
        for (byte[] state : restoredStates) {
            io.freshet.core.memory.DataInputDeserializer in = new io.freshet.core.memory.DataInputDeserializer(state);
            int version = in.readInt();
            if (version != SNAPSHOT_VERSION) {
                throw new java.io.IOException("The checkpoint holds state of operator " + getClass().getSimpleName()
                        + " in format version " + version + ", which this Freshet cannot read (it reads "
                        + SNAPSHOT_VERSION + ").");
            }
            operatorStateStore.restore(in, checkpointId);
            if (in.readBoolean()) {
                byte[] rest = new byte[in.available()];
                in.readFully(rest);
                timers.write(rest);
                timerSnapshots++;
            }
        }
        if (timerSnapshots > 0) {
            restoredTimersParts = timerSnapshots;
            restoredTimers = timers.toByteArray();
        }
        operatorStateStore.markRestored(checkpointId);
    }

    /** How many timer snapshots {@link #restoredTimers} holds one after another (several after a rescale). */
    private transient int restoredTimersParts = 1;

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (checkpointingFunction instanceof io.freshet.api.common.state.CheckpointListener) {
            ((io.freshet.api.common.state.CheckpointListener) checkpointingFunction).notifyCheckpointComplete(
                    checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        if (checkpointingFunction instanceof io.freshet.api.common.state.CheckpointListener) {
            ((io.freshet.api.common.state.CheckpointListener) checkpointingFunction).notifyCheckpointAborted(
                    checkpointId);
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
            InternalTimerService<K> created = new InternalTimerService<>(keyContext, processingTimeService,
                    triggerable, batchExecution);
            if (restoredTimers != null) {
                try {
                    io.freshet.core.memory.DataInputDeserializer in =
                            new io.freshet.core.memory.DataInputDeserializer(restoredTimers);
                    for (int i = 0; i < restoredTimersParts; i++) {
                        created.restore(in, (io.freshet.api.common.typeutils.TypeSerializer<K>) (Object) keySerializer,
                                key -> ownsKey.test(key));
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Cannot restore the timers of operator "
                            + getClass().getSimpleName() + ": " + e.getMessage(), e);
                }
                restoredTimers = null;
            }
            timerService = created;
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
