package io.freshet.streaming.runtime.tasks;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobInfo;
import io.freshet.api.common.JobInfoImpl;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.configuration.ExecutionOptions;
import io.freshet.configuration.PipelineOptions;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.api.writer.StreamPartitioner;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;
import io.freshet.runtime.state.heap.HeapKeyedStateBackend;
import io.freshet.streaming.api.operators.Input;
import io.freshet.streaming.api.operators.OneInputStreamOperator;
import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.operators.StreamOperator;
import io.freshet.streaming.api.operators.StreamOperatorParameters;
import io.freshet.streaming.api.operators.SourceOperator;
import io.freshet.streaming.api.operators.StreamSource;
import io.freshet.streaming.api.operators.TwoInputStreamOperator;
import io.freshet.streaming.runtime.io.StreamElementSerializer;
import io.freshet.streaming.runtime.io.StreamTaskInput;
import io.freshet.streaming.runtime.sort.KeyedInputSorter;
import io.freshet.streaming.runtime.streamrecord.StreamElement;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.streaming.runtime.tasks.ChainConfig.NetworkOutputConfig;
import io.freshet.streaming.runtime.tasks.ChainConfig.OperatorConfig;
import io.freshet.util.InstantiationUtil;

/**
 * Runs one chain of stream operators ({@link ChainConfig}) in the task thread.
 *
 * <p>Life of a chain: operators are set up tail first (each needs the outputs that lead to its successors), opened
 * tail first (a successor is ready before it receives anything), then the head runs: a source's loop, or records
 * and watermarks read from the input gates. When the input ends the operators are finished head first (each may
 * still emit into the ones after it), the network outputs flushed, and all operators closed — closed also when
 * anything fails, which then fails the task with the operator's exception.
 *
 * <p>Records between chained operators are method calls on one reused {@link StreamRecord}; between tasks they are
 * serialized into the network buffers of the produced partitions, flushed when full, when the buffer timeout has
 * passed, and whenever the task's input runs dry.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
public class StreamTask extends AbstractInvokable implements io.freshet.runtime.jobgraph.tasks.CoordinatedTask,
        io.freshet.runtime.jobgraph.tasks.CheckpointableTask {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTask.class);
    /** How many records a split source emits between two looks at its outputs' free buffers. */
    private static final int OUTPUT_CHECK_INTERVAL = 64;

    private volatile StreamSource<?, ?> runningSource;
    private volatile boolean canceled;
    private TaskProcessingTimeService timeService;
    private volatile TaskMailbox mailbox;
    // ---- checkpoints (task thread, once invoke() has set them up) ----
    private StreamOperator<?>[] operators;
    private List<OperatorConfig> operatorConfigs;
    private HeapKeyedStateBackend<Object>[] backends;
    private List<RecordWriterOutput<?>> checkpointOutputs;
    /** Whether the job takes checkpoints (STREAMING with an interval), and whether exactly-once. */
    private boolean checkpointing;
    private boolean exactlyOnce;
    /** Whether checkpoints (not savepoints) go unaligned, and after how long an aligned one switches (0: at once). */
    private boolean unaligned;
    private long alignedTimeoutMillis;
    /** The in-flight data of the unaligned checkpoint this task restores, or null. */
    private io.freshet.runtime.checkpoint.InFlightData restoredInFlight;
    /** An unaligned checkpoint whose snapshot is taken while its input barriers still arrive; -1: none. */
    private long unalignedCheckpointId = -1;
    private java.util.concurrent.CompletableFuture<io.freshet.runtime.checkpoint.TaskStateSnapshot> unalignedSnapshot;
    /** Where checkpoints go (task state files under its checkpoint directories), made when first needed. */
    private io.freshet.runtime.checkpoint.CheckpointMetadataStorage checkpointStorage;
    /** Writes snapshots while the task goes on; made with the first checkpoint, stopped when the task ends. */
    private java.util.concurrent.ExecutorService snapshotExecutor;
    private byte[][][] unalignedOutputs;
    /** The stop-with-savepoint whose barrier this task passed on, or null (set in the task thread). */
    private volatile StopSavepoint stop;
    /** The latest checkpoint this task took, and the latest it was told completed (task thread). */
    private long lastCheckpointTaken = -1;
    private long lastCheckpointCompleted = -1;
    /** Whether this task has read all of its input (task thread). */
    private boolean inputsFinished;
    /** Whether every input of this task ended because its producers were stopped without draining. */
    private boolean inputsStopped;
    /** The output of the chain's head (a source's output: the end-of-time watermark of a drain goes there). */
    private Output<?> headOutput;
    /** Checkpoints triggered at this source task but not yet taken (declined if the task ends first). */
    private final java.util.Set<Long> pendingTriggers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Events of the head's coordinator, queued by TaskExecutor threads for the task thread. */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> operatorEvents =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile java.util.concurrent.CompletableFuture<Void> operatorEventArrived =
            new java.util.concurrent.CompletableFuture<>();

    public StreamTask(Environment environment) {
        super(environment);
    }

    @Override
    public void invoke() throws Exception {
        Environment environment = getEnvironment();
        ClassLoader userCodeClassLoader = getUserCodeClassLoader();
        byte[] payload = environment.getUserPayload(ChainConfig.PAYLOAD_KEY).orElseThrow(() ->
                new IllegalStateException("The vertex of " + environment.getTaskInfo().getTaskName() + " has no"
                        + " operator chain: it was not built by the DataStream translator."));
        ChainConfig chain = InstantiationUtil.deserializeObject(payload, userCodeClassLoader);
        io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore = environment.getTaskRestore();
        if (taskRestore != null && taskRestore.isFinishedOnRestore()) {
            // it had finished when the checkpoint was taken: everything it emitted is in its consumers' state
            LOG.info("{} had finished in checkpoint {}; it ends at once.",
                    environment.getTaskInfo().getTaskNameWithSubtasks(), taskRestore.getRestoreCheckpointId());
            drainInputs(environment.getAllInputGates());
            return;
        }
        ExecutionConfig executionConfig = new ExecutionConfig(environment.getJobConfiguration());
        TaskInfo taskInfo = environment.getTaskInfo();
        JobInfo jobInfo = new JobInfoImpl(environment.getJobID(),
                environment.getJobConfiguration().getOptional(PipelineOptions.NAME).orElse(taskInfo.getTaskName()));

        List<OperatorConfig> configs = chain.getOperators();
        StreamOperator<?>[] operators = new StreamOperator<?>[configs.size()];
        for (int i = 0; i < operators.length; i++) {
            operators[i] = configs.get(i).getOperator();
        }
        boolean batch = chain.isBatchExecution();
        this.operators = operators;
        this.operatorConfigs = configs;
        this.backends = new HeapKeyedStateBackend[operators.length];
        // barriers are handled in every STREAMING job: savepoints need them even without periodic checkpoints
        this.checkpointing = !batch;
        this.exactlyOnce = environment.getJobConfiguration().get(
                io.freshet.configuration.CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)
                == io.freshet.core.execution.CheckpointingMode.EXACTLY_ONCE;
        this.unaligned = exactlyOnce && environment.getJobConfiguration().get(
                io.freshet.configuration.CheckpointingOptions.ENABLE_UNALIGNED);
        this.alignedTimeoutMillis = environment.getJobConfiguration().get(
                io.freshet.configuration.CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT).toMillis();
        boolean periodicCheckpoints = !batch && io.freshet.runtime.checkpoint.CheckpointCoordinator
                .isCheckpointingEnabled(environment.getJobConfiguration());
        List<RecordWriterOutput<?>> networkOutputs = new ArrayList<>();
        HeapKeyedStateBackend<Object> headBackend = null;
        KeySelector<Object, Object> headKeySelector = null;
        KeySelector<Object, Object> headKeySelector2 = null;
        try (FlushPolicy flushPolicy = new FlushPolicy(chain.getBufferTimeoutMillis());
                TaskProcessingTimeService timeService = new TaskProcessingTimeService()) {
            this.timeService = timeService;
            this.mailbox = new TaskMailbox(timeService);
            this.checkpointOutputs = networkOutputs;
            for (int i = 0; i < chain.getNetworkOutputs().size(); i++) {
                NetworkOutputConfig output = chain.getNetworkOutputs().get(i);
                RecordWriter<StreamElement> writer = new RecordWriter<>(environment.getWriter(i),
                        (BufferProvider) environment.getWriter(i),
                        new RecordWriterOutput.ValueChannelSelector<>((StreamPartitioner) output.getPartitioner().copy()),
                        new StreamElementSerializer<>(output.getSerializer()));
                networkOutputs.add(new RecordWriterOutput<>(writer, flushPolicy));
            }
            // set up tail first: an operator's output leads into operators after it in the chain
            for (int i = operators.length - 1; i >= 0; i--) {
                OperatorConfig config = configs.get(i);
                HeapKeyedStateBackend<Object> backend = null;
                if (config.getStateKeySelector() != null) {
                    int parallelism = taskInfo.getNumberOfParallelSubtasks();
                    KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                            config.getMaxParallelism(), parallelism, taskInfo.getIndexOfThisSubtask());
                    backend = new HeapKeyedStateBackend<>((TypeSerializer<Object>) config.getKeySerializer(),
                            config.getMaxParallelism(), range);
                    backend.setExecutionConfig(executionConfig, userCodeClassLoader);
                    backends[i] = backend;
                    if (i == 0) {
                        headBackend = backend;
                        headKeySelector = (KeySelector<Object, Object>) config.getStateKeySelector();
                        headKeySelector2 = (KeySelector<Object, Object>) config.getStateKeySelector2();
                    }
                }
                Output output = outputOf(config, operators, networkOutputs);
                StreamOperatorParameters parameters = new StreamOperatorParameters(output, jobInfo, taskInfo,
                        executionConfig, userCodeClassLoader, backend, backend, timeService, batch)
                        .withMailboxExecutor(mailbox).withCheckpointingEnabled(periodicCheckpoints);
                if (backend != null) {
                    KeyGroupRange owned = backend.getKeyGroupRange();
                    int maxParallelism = config.getMaxParallelism();
                    parameters.withKeys(config.getKeySerializer(), key -> owned.contains(
                            KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism)));
                }
                operators[i].setup(parameters);
                if (i == 0) {
                    headOutput = output;
                }
            }
            restoreState(environment.getTaskRestore());
            restoreOutputsInFlight(environment);
            if (operators[0] instanceof SourceOperator) {
                io.freshet.runtime.jobgraph.tasks.TaskOperatorEventGateway gateway =
                        environment.getOperatorCoordinatorEventGateway();
                io.freshet.runtime.jobgraph.JobVertexID vertexId = environment.getJobVertexId();
                ((SourceOperator<?, ?>) operators[0]).setOperatorEventGateway(event -> {
                    try {
                        gateway.sendOperatorEventToCoordinator(vertexId, InstantiationUtil.serializeObject(event));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot serialize " + event, e);
                    }
                }, environment.getJobConfiguration());
            }
            boolean opened = false;
            try {
                for (int i = operators.length - 1; i >= 0; i--) {
                    operators[i].open();
                }
                opened = true;
                if (operators[0] instanceof SourceOperator) {
                    runSourceOperator((SourceOperator<?, ?>) operators[0], networkOutputs);
                } else if (operators[0] instanceof StreamSource) {
                    runSource((StreamSource<?, ?>) operators[0], flushPolicy, networkOutputs, taskInfo);
                } else if (batch && headBackend != null && operators[0] instanceof TwoInputStreamOperator
                        && headKeySelector2 == null) {
                    processBroadcastThenSortedInput((TwoInputStreamOperator) operators[0], chain, headBackend,
                            headKeySelector, networkOutputs);
                } else if (batch && headBackend != null && operators[0] instanceof TwoInputStreamOperator) {
                    processSortedInputs((TwoInputStreamOperator) operators[0], chain, headBackend, headKeySelector,
                            headKeySelector2);
                } else if (batch && headBackend != null) {
                    processSortedInput((OneInputStreamOperator) operators[0], chain, headBackend, headKeySelector);
                } else if (batch && operators[0]
                        instanceof io.freshet.streaming.api.operators.CoBroadcastWithNonKeyedOperator) {
                    processBroadcastThenInput((TwoInputStreamOperator) operators[0], chain, networkOutputs);
                } else if (operators[0] instanceof TwoInputStreamOperator) {
                    processTwoInputs((TwoInputStreamOperator) operators[0], chain, headBackend, headKeySelector,
                            headKeySelector2, networkOutputs);
                } else {
                    processInput((OneInputStreamOperator) operators[0], (TypeSerializer) chain.getInputSerializer(),
                            headBackend, headKeySelector, networkOutputs);
                }
                if (canceled) {
                    return;
                }
                if (!isSourceTask() && !awaitStopOutcome(true)) {
                    return; // cancelled while waiting
                }
                StopSavepoint stopped = stop;
                boolean suspended = isSourceTask() ? stopped != null
                        && stopped.type == io.freshet.runtime.checkpoint.CheckpointType.SAVEPOINT_SUSPEND
                        : inputsStopped;
                if (suspended) {
                    // stopped with a savepoint, without draining: no operator is finished, consumers end alike
                    LOG.info("{} stops after savepoint {} without draining.", taskInfo.getTaskNameWithSubtasks(),
                            stopped == null ? "(of its producers)" : stopped.id);
                    for (RecordWriterOutput<?> output : networkOutputs) {
                        output.broadcastEvent(io.freshet.runtime.io.network.api.EndOfDataEvent.INSTANCE);
                    }
                } else {
                    for (StreamOperator<?> operator : operators) {
                        operator.finish();
                    }
                }
                for (RecordWriterOutput<?> output : networkOutputs) {
                    output.flush();
                }
                if (!suspended && awaitsFinalCheckpoint()) {
                    awaitFinalCheckpoint(taskInfo);
                }
                // snapshots taken before the end are still being written: their acknowledgements must go out, or
                // the checkpoints wait for them until they time out
                awaitSnapshotsWritten();
            } catch (ChainingOutput.ChainedOperatorException e) {
                throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
            } finally {
                declinePendingTriggers("the task ended before it could take the checkpoint");
                if (snapshotExecutor != null) {
                    snapshotExecutor.shutdownNow(); // failed or cancelled: the JobMaster aborts what is pending
                }
                closeAll(operators, opened);
            }
        }
    }

    /** Reads every input gate to its end, dropping what comes (its producers end at once too). */
    private void drainInputs(List<InputGate> gates) throws Exception {
        for (InputGate gate : gates) {
            gate.requestPartitions();
            java.util.Optional<io.freshet.runtime.io.network.partition.consumer.BufferOrEvent> next;
            while (!canceled && (next = gate.getNext()).isPresent()) {
                if (next.get().isBuffer()) {
                    next.get().getBuffer().recycleBuffer();
                }
            }
        }
    }

    // ---- checkpoints ----

    /** The id under which operator {@code index}'s state goes into checkpoints. */
    private String operatorIdOf(int index) {
        String id = operatorConfigs.get(index).getOperatorId();
        return id != null ? id : "operator-" + index;
    }

    /** Before the operators open: each gets what it wrote in the checkpoint the task restores. */
    private void restoreState(io.freshet.runtime.checkpoint.JobManagerTaskRestore restore) throws Exception {
        if (restore == null) {
            return;
        }
        LOG.info("{} restores checkpoint {}.", getEnvironment().getTaskInfo().getTaskNameWithSubtasks(),
                restore.getRestoreCheckpointId());
        for (int i = 0; i < operators.length; i++) {
            String id = operatorIdOf(i);
            if (backends[i] != null) {
                backends[i].restore(restore.getKeyedStates(id));
            }
            operators[i].initializeState(restore.getRestoreCheckpointId(), restore.getOperatorStates(id));
        }
        restoredInFlight = restore.getInFlightData();
        if (restoredInFlight != null) {
            LOG.info("{} restores {} of in-flight data of unaligned checkpoint {}.",
                    getEnvironment().getTaskInfo().getTaskNameWithSubtasks(), restoredInFlight,
                    restore.getRestoreCheckpointId());
        }
    }

    /**
     * Writes the restored in-flight output data to each subpartition before any new record, in buffers of the
     * partition: its consumer reads it after the in-flight input data it restored itself, exactly as the stream was.
     */
    private void restoreOutputsInFlight(io.freshet.runtime.execution.Environment environment) throws Exception {
        byte[][][] outputs = restoredInFlight == null ? null : restoredInFlight.getOutputs();
        if (outputs == null) {
            return;
        }
        for (int i = 0; i < outputs.length && i < environment.getAllWriters().size(); i++) {
            if (outputs[i] == null) {
                continue;
            }
            io.freshet.runtime.io.network.api.writer.ResultPartitionWriter writer = environment.getWriter(i);
            BufferProvider provider = (BufferProvider) writer;
            for (int subpartition = 0; subpartition < outputs[i].length; subpartition++) {
                byte[] bytes = outputs[i][subpartition];
                int offset = 0;
                while (bytes != null && offset < bytes.length) {
                    io.freshet.runtime.io.network.buffer.Buffer buffer = provider.requestBufferBlocking();
                    int length = Math.min(bytes.length - offset, buffer.getMaxCapacity());
                    buffer.getMemorySegment().put(0, bytes, offset, length);
                    buffer.setSize(length);
                    writer.emitBuffer(subpartition, buffer);
                    offset += length;
                }
            }
        }
    }

    /** The handler of checkpoint barriers on this task's inputs, or null when the job takes no checkpoints. */
    private io.freshet.streaming.runtime.io.CheckpointBarrierHandler newBarrierHandler() {
        if (!checkpointing) {
            return null;
        }
        byte[][][] restoredInputs = restoredInFlight == null ? null : restoredInFlight.getInputs();
        return new io.freshet.streaming.runtime.io.CheckpointBarrierHandler(exactlyOnce, unaligned,
                alignedTimeoutMillis, restoredInputs, new io.freshet.streaming.runtime.io.CheckpointBarrierHandler.Target() {
                    @Override
                    public void triggerOnBarrier(io.freshet.runtime.checkpoint.CheckpointBarrier barrier)
                            throws java.io.IOException {
                        performCheckpoint(barrier, false, false);
                    }

                    @Override
                    public void triggerUnaligned(io.freshet.runtime.checkpoint.CheckpointBarrier barrier)
                            throws java.io.IOException {
                        performCheckpoint(barrier, true, false);
                    }

                    @Override
                    public void inputsComplete(long checkpointId, byte[][][] inFlightInputs) {
                        acknowledgeUnaligned(checkpointId, inFlightInputs);
                    }

                    @Override
                    public void abortOnBarrier(long checkpointId, String reason) {
                        if (unalignedCheckpointId == checkpointId) {
                            clearUnaligned();
                        }
                        getEnvironment().getCheckpointResponder().declineCheckpoint(checkpointId,
                                new io.freshet.runtime.checkpoint.CheckpointException(reason,
                                        io.freshet.runtime.checkpoint.CheckpointException.Reason.SUBSUMED));
                    }

                    @Override
                    public void registerTimer(long timestamp, Runnable action) {
                        timeService.registerTimer(timestamp, time -> action.run());
                    }
                });
    }

    /** The snapshot of unaligned checkpoint {@code checkpointId} is complete with its in-flight input data. */
    private void acknowledgeUnaligned(long checkpointId, byte[][][] inFlightInputs) {
        if (unalignedCheckpointId != checkpointId) {
            return; // its snapshot failed and was declined
        }
        java.util.concurrent.CompletableFuture<io.freshet.runtime.checkpoint.TaskStateSnapshot> written =
                unalignedSnapshot;
        io.freshet.runtime.checkpoint.InFlightData inFlight =
                new io.freshet.runtime.checkpoint.InFlightData(inFlightInputs, unalignedOutputs);
        clearUnaligned();
        acknowledgeWhenWritten(checkpointId, written, inFlight);
    }

    private void clearUnaligned() {
        unalignedCheckpointId = -1;
        unalignedSnapshot = null;
        unalignedOutputs = null;
    }

    /** The in-flight data belongs to the task; it is kept with the state of the chain's head operator. */
    private void attachInFlightData(io.freshet.runtime.checkpoint.TaskStateSnapshot snapshot,
            io.freshet.runtime.checkpoint.InFlightData inFlight) {
        if (inFlight.isEmpty()) {
            return;
        }
        String head = operatorIdOf(0);
        io.freshet.runtime.checkpoint.OperatorSubtaskState headState = snapshot.getSubtaskStateByOperatorID(head);
        snapshot.putSubtaskStateByOperatorID(head, new io.freshet.runtime.checkpoint.OperatorSubtaskState(
                headState == null ? null : headState.getKeyedState(),
                headState == null ? null : headState.getOperatorState(), inFlight));
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp, io.freshet.runtime.checkpoint.CheckpointType type) {
        TaskMailbox box = mailbox;
        if (box == null || !checkpointing) {
            getEnvironment().getCheckpointResponder().declineCheckpoint(checkpointId,
                    new io.freshet.runtime.checkpoint.CheckpointException("task "
                            + getEnvironment().getTaskInfo().getTaskNameWithSubtasks() + " is not ready for checkpoints",
                            io.freshet.runtime.checkpoint.CheckpointException.Reason.TASK_NOT_READY));
            return;
        }
        io.freshet.runtime.checkpoint.CheckpointBarrier.Alignment alignment = type.isSavepoint() || !unaligned
                ? io.freshet.runtime.checkpoint.CheckpointBarrier.Alignment.ALIGNED
                : alignedTimeoutMillis > 0 ? io.freshet.runtime.checkpoint.CheckpointBarrier.Alignment.ALIGNED_WITH_TIMEOUT
                : io.freshet.runtime.checkpoint.CheckpointBarrier.Alignment.UNALIGNED;
        pendingTriggers.add(checkpointId);
        box.execute(() -> {
            if (pendingTriggers.remove(checkpointId)) {
                if (!isSourceTask() && !inputsFinished) {
                    // triggered because its producers finished, but their last records are still to be read: they
                    // would be in no state (the producers restore as finished); the next checkpoint will do
                    getEnvironment().getCheckpointResponder().declineCheckpoint(checkpointId,
                            new io.freshet.runtime.checkpoint.CheckpointException(getEnvironment().getTaskInfo()
                                    .getTaskNameWithSubtasks() + " is still reading the end of its input",
                                    io.freshet.runtime.checkpoint.CheckpointException.Reason.TASK_NOT_READY));
                    return;
                }
                io.freshet.runtime.checkpoint.CheckpointBarrier barrier =
                        new io.freshet.runtime.checkpoint.CheckpointBarrier(checkpointId, timestamp, alignment, type);
                if (type == io.freshet.runtime.checkpoint.CheckpointType.SAVEPOINT_TERMINATE) {
                    // drain: event time ends before the savepoint, so every event-time timer fires first
                    headOutput.emitWatermark(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
                }
                // triggered directly: a source, or a task all of whose inputs have ended (no barrier can reach it,
                // and there is no in-flight input to wait for)
                performCheckpoint(barrier, barrier.isUnaligned(), true);
            }
        }, "checkpoint " + checkpointId);
    }

    private void declinePendingTriggers(String reason) {
        for (Long id : new ArrayList<>(pendingTriggers)) {
            if (pendingTriggers.remove(id)) {
                getEnvironment().getCheckpointResponder().declineCheckpoint(id,
                        new io.freshet.runtime.checkpoint.CheckpointException(reason,
                                io.freshet.runtime.checkpoint.CheckpointException.Reason.TASK_NOT_READY));
            }
        }
    }

    /**
     * Takes this task's part of a checkpoint, in the task thread between records: the operators emit what must
     * precede the barrier, the barrier goes to every output, then every operator's state is written and sent to the
     * JobMaster. A snapshot that fails declines the checkpoint (the task goes on); a barrier that cannot be sent
     * fails the task.
     *
     * <p>{@code unalignedBarrier}: the barrier goes out ahead of the unsent output buffers, whose bytes become the
     * checkpoint's in-flight output data; a task with inputs acknowledges only when its in-flight input data is
     * complete (see {@link io.freshet.streaming.runtime.io.CheckpointBarrierHandler}), a task triggered directly
     * ({@code triggered}: a source, or a task whose inputs all ended) at once.
     */
    private void performCheckpoint(io.freshet.runtime.checkpoint.CheckpointBarrier barrier, boolean unalignedBarrier,
            boolean triggered) throws java.io.IOException {
        long id = barrier.getId();
        io.freshet.runtime.checkpoint.CheckpointResponder responder = getEnvironment().getCheckpointResponder();
        if (operators[0] instanceof SourceOperator) {
            // splits the enumerator assigned before its own snapshot arrived before this trigger: take them first
            try {
                handleOperatorEvents((SourceOperator<?, ?>) operators[0], getUserCodeClassLoader());
            } catch (java.io.IOException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException("could not handle the events of the source's enumerator", e);
            }
        }
        try {
            for (StreamOperator<?> operator : operators) {
                operator.prepareSnapshotPreBarrier(id);
            }
        } catch (Exception e) {
            responder.declineCheckpoint(id, e);
            return;
        }
        if (barrier.getType().isSynchronous()) {
            stop = new StopSavepoint(id, barrier.getType());
        }
        lastCheckpointTaken = Math.max(lastCheckpointTaken, id);
        byte[][][] outputsInFlight = null;
        if (unalignedBarrier) {
            outputsInFlight = new byte[checkpointOutputs.size()][][];
            for (int i = 0; i < outputsInFlight.length; i++) {
                outputsInFlight[i] = checkpointOutputs.get(i).broadcastPriorityEvent(barrier);
            }
        } else {
            for (RecordWriterOutput<?> output : checkpointOutputs) {
                output.broadcastEvent(barrier);
            }
        }
        // synchronous part: operator state and timers serialized, keyed state noted as it is (a key group the task
        // touches before the snapshot thread serialized it is serialized by the task first)
        HeapKeyedStateBackend.KeyedSnapshot[] keyed = new HeapKeyedStateBackend.KeyedSnapshot[operators.length];
        byte[][] own = new byte[operators.length][];
        try {
            for (int i = 0; i < operators.length; i++) {
                keyed[i] = backends[i] == null ? null : backends[i].snapshotAsync();
                own[i] = operators[i].snapshotState(id, barrier.getTimestamp());
            }
        } catch (Exception e) {
            LOG.warn("{} could not snapshot its state for checkpoint {}.",
                    getEnvironment().getTaskInfo().getTaskNameWithSubtasks(), id, e);
            snapshotsWritten(keyed);
            responder.declineCheckpoint(id, e);
            return;
        }
        io.freshet.core.fs.Path directory = barrier.isSavepoint() ? null : stateDirectory(id);
        java.util.concurrent.CompletableFuture<io.freshet.runtime.checkpoint.TaskStateSnapshot> written =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> writeSnapshot(id, keyed, own, directory),
                        snapshotExecutor());
        written.whenComplete((snapshot, failure) -> {
            TaskMailbox box = mailbox;
            if (box != null) {
                box.execute(() -> snapshotsWritten(keyed), "checkpoint " + id + " written");
            }
        });
        if (unalignedBarrier && !triggered) {
            unalignedCheckpointId = id;
            unalignedSnapshot = written;
            unalignedOutputs = outputsInFlight;
            return;
        }
        io.freshet.runtime.checkpoint.InFlightData inFlight = outputsInFlight == null ? null
                : new io.freshet.runtime.checkpoint.InFlightData(null, outputsInFlight);
        acknowledgeWhenWritten(id, written, inFlight);
    }

    /** Acknowledges checkpoint {@code id} once its state is written (declines it if that failed). */
    private void acknowledgeWhenWritten(long id,
            java.util.concurrent.CompletableFuture<io.freshet.runtime.checkpoint.TaskStateSnapshot> written,
            io.freshet.runtime.checkpoint.InFlightData inFlight) {
        io.freshet.runtime.checkpoint.CheckpointResponder responder = getEnvironment().getCheckpointResponder();
        written.whenComplete((snapshot, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("{} could not write its state for checkpoint {}.",
                        getEnvironment().getTaskInfo().getTaskNameWithSubtasks(), id, cause);
                responder.declineCheckpoint(id, cause);
                return;
            }
            if (inFlight != null) {
                attachInFlightData(snapshot, inFlight);
            }
            responder.acknowledgeCheckpoint(id, snapshot);
        });
    }

    /** In the snapshot thread: writes the keyed state (to files under {@code directory}, or kept in memory). */
    private io.freshet.runtime.checkpoint.TaskStateSnapshot writeSnapshot(long id,
            HeapKeyedStateBackend.KeyedSnapshot[] keyed, byte[][] own, io.freshet.core.fs.Path directory) {
        io.freshet.runtime.checkpoint.TaskStateSnapshot snapshot = new io.freshet.runtime.checkpoint.TaskStateSnapshot();
        for (int i = 0; i < keyed.length; i++) {
            io.freshet.runtime.state.KeyGroupsStateHandle handle = null;
            if (keyed[i] != null) {
                io.freshet.core.fs.Path file = directory == null ? null : new io.freshet.core.fs.Path(directory,
                        "keyed-" + operatorIdOf(i) + "-" + getEnvironment().getTaskInfo().getIndexOfThisSubtask()
                                + "-" + java.util.UUID.randomUUID());
                try {
                    handle = keyed[i].write(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("could not write the keyed state of checkpoint " + id
                            + (file == null ? "" : " to " + file + " (check that the TaskManager may write to"
                            + " execution.checkpointing.dir)") + ": " + e.getMessage(), e);
                }
            }
            if (handle != null || own[i] != null) {
                snapshot.putSubtaskStateByOperatorID(operatorIdOf(i),
                        new io.freshet.runtime.checkpoint.OperatorSubtaskState(handle, own[i]));
            }
        }
        return snapshot;
    }

    private void snapshotsWritten(HeapKeyedStateBackend.KeyedSnapshot[] keyed) {
        for (int i = 0; i < keyed.length; i++) {
            if (keyed[i] != null) {
                backends[i].snapshotWritten(keyed[i]);
            }
        }
    }

    /** Where this task writes its state files for checkpoint {@code id}; null when checkpoints live in memory. */
    private io.freshet.core.fs.Path stateDirectory(long id) {
        if (checkpointStorage == null) {
            checkpointStorage = io.freshet.runtime.checkpoint.CheckpointMetadataStorage.fromConfiguration(
                    getEnvironment().getJobConfiguration(), getEnvironment().getJobID());
        }
        return checkpointStorage.checkpointDirectory(id);
    }

    /** The thread that writes this task's snapshots, one after another (so acknowledgements keep their order). */
    private java.util.concurrent.ExecutorService snapshotExecutor() {
        if (snapshotExecutor == null) {
            String name = "Snapshots - " + getEnvironment().getTaskInfo().getTaskNameWithSubtasks();
            snapshotExecutor = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                thread.setContextClassLoader(getUserCodeClassLoader());
                return thread;
            });
        }
        return snapshotExecutor;
    }

    /** Lets the snapshot thread finish what it was given (the task ends normally), checking for cancellation. */
    private void awaitSnapshotsWritten() throws InterruptedException {
        if (snapshotExecutor == null) {
            return;
        }
        snapshotExecutor.shutdown();
        while (!canceled && !snapshotExecutor.awaitTermination(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // still writing
        }
    }

    /** Whether an operator of the chain commits output only with checkpoints (a two-phase sink). */
    private boolean awaitsFinalCheckpoint() {
        for (StreamOperator<?> operator : operators) {
            if (operator instanceof io.freshet.streaming.api.operators.StreamSink
                    && ((io.freshet.streaming.api.operators.StreamSink<?>) operator).getUserFunction()
                            instanceof io.freshet.streaming.api.functions.sink.SinkWriterFunction
                    && ((io.freshet.streaming.api.functions.sink.SinkWriterFunction<?>)
                            ((io.freshet.streaming.api.operators.StreamSink<?>) operator).getUserFunction())
                                    .awaitsFinalCheckpoint()) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the operators finished: waits (running mail) until a checkpoint this task took from now on has completed,
     * so that what a two-phase sink wrote last is committed with a checkpoint that records the finish — a failure
     * elsewhere afterwards then restores this task as finished rather than writing it all again.
     */
    private void awaitFinalCheckpoint(TaskInfo taskInfo) throws Exception {
        LOG.info("{} finished its input; it waits for a checkpoint to commit its last output.",
                taskInfo.getTaskNameWithSubtasks());
        long floor = lastCheckpointTaken + 1; // one taken from now on
        while (!canceled && lastCheckpointCompleted < floor) {
            if (!mailbox.hasMail()) {
                try {
                    mailbox.arrivedFuture().get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // look again (cancellation)
                }
            }
            mailbox.runAll();
        }
    }

    /** A stop-with-savepoint this task took part in, and its outcome (completed from any thread). */
    private static final class StopSavepoint {
        final long id;
        final io.freshet.runtime.checkpoint.CheckpointType type;
        final java.util.concurrent.CompletableFuture<Boolean> outcome = new java.util.concurrent.CompletableFuture<>();

        StopSavepoint(long id, io.freshet.runtime.checkpoint.CheckpointType type) {
            this.id = id;
            this.type = type;
        }
    }

    /**
     * When this task passed on the barrier of a stop-with-savepoint: waits (running mail, so that the savepoint's
     * completion reaches the operators first) until it completed or was aborted. True when the savepoint completed
     * (or there is none and {@code noneIsFine}); false when it was aborted (the stop is forgotten: the job goes on) or
     * the task was cancelled.
     */
    private boolean awaitStopOutcome(boolean noneIsFine) throws Exception {
        StopSavepoint stopping = stop;
        if (stopping == null) {
            return noneIsFine;
        }
        while (!stopping.outcome.isDone() && !canceled) {
            try {
                java.util.concurrent.CompletableFuture.anyOf(stopping.outcome, mailbox.arrivedFuture())
                        .get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // look again (cancellation)
            }
            mailbox.runAll();
        }
        mailbox.runAll();
        if (canceled) {
            return false;
        }
        if (!stopping.outcome.getNow(false)) {
            LOG.info("{}: savepoint {} of the stop was aborted; the task goes on.",
                    getEnvironment().getTaskInfo().getTaskNameWithSubtasks(), stopping.id);
            stop = null;
            return noneIsFine;
        }
        return true;
    }

    private boolean isSourceTask() {
        return operators[0] instanceof SourceOperator || operators[0] instanceof StreamSource;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        StopSavepoint stopping = stop;
        if (stopping != null && stopping.id == checkpointId) {
            stopping.outcome.complete(true);
        }
        TaskMailbox box = mailbox;
        if (box != null) {
            box.execute(() -> {
                for (StreamOperator<?> operator : operators) {
                    operator.notifyCheckpointComplete(checkpointId);
                }
                lastCheckpointCompleted = Math.max(lastCheckpointCompleted, checkpointId);
            }, "checkpoint " + checkpointId + " complete");
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        StopSavepoint stopping = stop;
        if (stopping != null && stopping.id == checkpointId) {
            stopping.outcome.complete(false);
        }
        TaskMailbox box = mailbox;
        if (box != null) {
            box.execute(() -> {
                for (StreamOperator<?> operator : operators) {
                    operator.notifyCheckpointAborted(checkpointId);
                }
            }, "checkpoint " + checkpointId + " aborted");
        }
    }

    private static Output<?> outputOf(OperatorConfig config, StreamOperator<?>[] operators,
            List<RecordWriterOutput<?>> networkOutputs) {
        java.util.Map<String, List<Output>> byTag = new java.util.LinkedHashMap<>();
        List<Output> all = new ArrayList<>();
        for (int i = 0; i < config.getChainedOutputs().size(); i++) {
            Output output = new ChainingOutput<>((Input) operators[config.getChainedOutputs().get(i)]);
            byTag.computeIfAbsent(config.getChainedOutputTags().get(i), tag -> new ArrayList<>()).add(output);
            all.add(output);
        }
        for (int i = 0; i < config.getNetworkOutputs().size(); i++) {
            Output output = networkOutputs.get(config.getNetworkOutputs().get(i));
            byTag.computeIfAbsent(config.getNetworkOutputTags().get(i), tag -> new ArrayList<>()).add(output);
            all.add(output);
        }
        Output main = combine(byTag.remove(""));
        java.util.Map<String, Output> sideOutputs = new java.util.HashMap<>();
        byTag.forEach((tag, outputs) -> sideOutputs.put(tag, combine(outputs)));
        if (sideOutputs.isEmpty() && all.size() <= 1) {
            return main; // the common case: no routing layer
        }
        return new OperatorOutput<>(main, sideOutputs, all.toArray(new Output[0]));
    }

    private static Output combine(List<Output> outputs) {
        if (outputs == null || outputs.isEmpty()) {
            return new DiscardingOutput();
        }
        if (outputs.size() == 1) {
            return outputs.get(0);
        }
        return new BroadcastingOutput<>(outputs.toArray(new Output[0]));
    }

    /**
     * Runs the source's loop in a thread of its own while this (the task) thread fires the chain's timers and
     * flushes its buffers, both under the lock every emission holds: a source that waits for input (a socket, a
     * queue) still gets its records out within the buffer timeout, and its watermark timers fire.
     */
    private void runSource(StreamSource<?, ?> source, FlushPolicy flushPolicy,
            List<RecordWriterOutput<?>> networkOutputs, TaskInfo taskInfo) throws Exception {
        runningSource = source;
        if (canceled) {
            source.cancel();
            return;
        }
        Object lock = new Object();
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        Thread sourceThread = new Thread(() -> {
            try {
                source.run(lock);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "Legacy Source Thread - " + taskInfo.getTaskNameWithSubtasks());
        sourceThread.setContextClassLoader(getUserCodeClassLoader());
        sourceThread.setDaemon(true);
        sourceThread.start();
        try {
            long flushMillis = Math.max(1, Math.min(flushPolicy.intervalMillis(), 100));
            while (!done.isDone()) {
                try {
                    java.util.concurrent.CompletableFuture.anyOf(done, timeService.dueFuture(),
                            mailbox.arrivedFuture()).get(flushMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // time to flush, or the source ended (its failure is rethrown below)
                }
                synchronized (lock) {
                    if (timeService.isDue()) {
                        timeService.fireDueTimers();
                    }
                    mailbox.runAll();
                    // a stop's savepoint: the source emits nothing after its barrier (the lock is held until the
                    // outcome is known), and ends once it completed
                    if (stop != null && awaitStopOutcome(false)) {
                        source.stop();
                    }
                    for (RecordWriterOutput<?> output : networkOutputs) {
                        output.flush();
                    }
                }
            }
            done.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ChainingOutput.ChainedOperatorException) {
                cause = cause.getCause();
            }
            throw cause instanceof Exception ? (Exception) cause : new RuntimeException(cause);
        } catch (InterruptedException e) {
            source.cancel();
            sourceThread.interrupt();
            throw e;
        } finally {
            if (sourceThread.isAlive()) {
                source.cancel();
                sourceThread.interrupt();
                sourceThread.join(10_000);
            }
        }
    }

    // ---- split sources ----

    @Override
    public void dispatchOperatorEvent(io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent) {
        operatorEvents.add(serializedEvent);
        operatorEventArrived.complete(null);
    }

    /**
     * Runs a split source in the task thread: polls its reader while it has records; when it has none, sends the
     * partly filled buffers and waits for the reader, an event from the enumerator (new splits) or a timer.
     */
    private void runSourceOperator(SourceOperator<?, ?> source, List<RecordWriterOutput<?>> networkOutputs)
            throws Exception {
        ClassLoader userCodeClassLoader = getUserCodeClassLoader();
        int sinceOutputCheck = 0;
        while (!canceled) {
            handleOperatorEvents(source, userCodeClassLoader);
            if (timeService.isDue()) {
                timeService.fireDueTimers();
            }
            mailbox.runAll();
            if (stop != null && awaitStopOutcome(false)) {
                return; // stopped with a savepoint: nothing more is read
            }
            if (++sinceOutputCheck == OUTPUT_CHECK_INTERVAL) {
                sinceOutputCheck = 0;
                if (awaitOutputsOrMail(networkOutputs)) {
                    continue;
                }
            }
            io.freshet.core.io.InputStatus status = source.emitNext();
            if (status == io.freshet.core.io.InputStatus.END_OF_INPUT) {
                return;
            }
            if (status == io.freshet.core.io.InputStatus.NOTHING_AVAILABLE) {
                for (RecordWriterOutput<?> output : networkOutputs) {
                    output.flush();
                }
                java.util.concurrent.CompletableFuture<Void> eventArrived = operatorEventArrived;
                if (!operatorEvents.isEmpty() || mailbox.hasMail()) {
                    continue;
                }
                try {
                    java.util.concurrent.CompletableFuture.anyOf(source.getAvailableFuture(), eventArrived,
                            timeService.dueFuture(), mailbox.arrivedFuture())
                            .get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // look again (cancellation, events)
                }
            }
        }
    }

    /**
     * Under backpressure a source waits here, where mail (a checkpoint trigger) still runs, rather than inside a
     * record's write: true when some output has no free buffer (after waiting for one, for mail, an event or a timer,
     * at most 100 ms), false when all can take records.
     */
    private boolean awaitOutputsOrMail(List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        for (RecordWriterOutput<?> output : networkOutputs) {
            java.util.concurrent.CompletableFuture<?> available = output.getAvailableFuture();
            if (!available.isDone()) {
                try {
                    java.util.concurrent.CompletableFuture.anyOf(available, operatorEventArrived,
                            timeService.dueFuture(), mailbox.arrivedFuture())
                            .get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // look again (cancellation)
                }
                return true;
            }
        }
        return false;
    }

    private void handleOperatorEvents(SourceOperator<?, ?> source, ClassLoader userCodeClassLoader) throws Exception {
        if (operatorEvents.isEmpty()) {
            return;
        }
        operatorEventArrived = new java.util.concurrent.CompletableFuture<>();
        byte[] serialized;
        while ((serialized = operatorEvents.poll()) != null) {
            source.handleOperatorEvent(InstantiationUtil.deserializeObject(serialized, userCodeClassLoader));
        }
    }

    // ---- BATCH: keyed inputs sorted by key ----

    private KeyedInputSorter<Object> newSorter(ChainConfig chain, KeySelector<Object, Object> keySelector,
            TypeSerializer<?> inputSerializer, int inputsOfTask) throws Exception {
        Environment environment = getEnvironment();
        OperatorConfig head = chain.getOperators().get(0);
        long memory = environment.getJobConfiguration().get(ExecutionOptions.SORTED_INPUTS_MEMORY).getBytes()
                / inputsOfTask;
        return new KeyedInputSorter<>(head.getName(), keySelector, head.getKeySerializer(),
                (TypeSerializer<Object>) inputSerializer, environment.getMemoryManager(), memory,
                environment.getTaskManagerTempDirectories());
    }

    /** Reads every record of {@code input} into {@code sorter}; watermarks are dropped (event time ends later). */
    private boolean drainInto(StreamTaskInput<Object> input, KeyedInputSorter<Object> sorter) throws Exception {
        return readWhole(input, sorter::add, List.of());
    }

    private static void endKey(StreamOperator<?> head) throws Exception {
        if (head instanceof io.freshet.streaming.api.operators.AbstractStreamOperator) {
            ((io.freshet.streaming.api.operators.AbstractStreamOperator<?>) head).endKeyInBatch();
        }
    }

    /**
     * BATCH execution of a keyed one-input head: the whole input is sorted by key and timestamp first, then each
     * key's records go to the operator together, and the key's timers fire when they are done. Event time ends
     * (the final watermark) after the last key.
     */
    private void processSortedInput(OneInputStreamOperator<Object, ?> head, ChainConfig chain,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector) throws Exception {
        List<InputGate> gates = getEnvironment().getAllInputGates();
        for (InputGate gate : gates) {
            gate.requestPartitions();
        }
        try (StreamTaskInput<Object> input = new StreamTaskInput<>(gates, (TypeSerializer) chain.getInputSerializer());
                KeyedInputSorter<Object> sorter = newSorter(chain, keySelector, chain.getInputSerializer(), 1)) {
            if (drainInto(input, sorter) && feedByKey(sorter, head, backend, keySelector, head::processElement)) {
                head.processWatermark(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
            }
        }
    }

    /** Takes one record of an input. */
    @FunctionalInterface
    private interface RecordHandler {
        void accept(StreamRecord<Object> record) throws Exception;
    }

    /**
     * Hands the sorted records to {@code records} key by key: the key is set before a key's first record, and the
     * key's timers fire ({@link #endKey}) after its last. False when the task was cancelled meanwhile.
     */
    private boolean feedByKey(KeyedInputSorter<Object> sorter, StreamOperator<?> head,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector, RecordHandler records)
            throws Exception {
        KeyedInputSorter.SortedRecords<Object> sorted = sorter.sorted();
        boolean anyKey = false;
        while (!canceled && sorted.next()) {
            StreamRecord<Object> record = sorted.record();
            if (sorted.isNewKey()) {
                if (anyKey) {
                    endKey(head);
                }
                backend.setKey(keySelector.getKey(record.getValue()));
                anyKey = true;
            }
            records.accept(record);
        }
        if (canceled) {
            return false;
        }
        if (anyKey) {
            endKey(head);
        }
        return true;
    }

    /** The two inputs of a two-input head (gates of input 1 and of input 2), their partitions requested. */
    private static final class TwoInputs implements AutoCloseable {
        final StreamTaskInput<Object> first;
        final StreamTaskInput<Object> second;

        TwoInputs(StreamTaskInput<Object> first, StreamTaskInput<Object> second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void close() throws java.io.IOException {
            try {
                first.close();
            } finally {
                second.close();
            }
        }
    }

    private TwoInputs openTwoInputs(ChainConfig chain) throws java.io.IOException {
        List<InputGate> gates = getEnvironment().getAllInputGates();
        List<InputGate> gates1 = new ArrayList<>();
        List<InputGate> gates2 = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            gates.get(i).requestPartitions();
            (chain.getGateInputs().get(i) == 2 ? gates2 : gates1).add(gates.get(i));
        }
        io.freshet.streaming.runtime.io.CheckpointBarrierHandler barriers = newBarrierHandler();
        return new TwoInputs(new StreamTaskInput<>(gates1, (TypeSerializer) chain.getInputSerializer(), barriers),
                new StreamTaskInput<>(gates2, (TypeSerializer) chain.getInputSerializer2(), barriers));
    }

    /**
     * Reads all of {@code input}, handing its records to {@code records} (BATCH: watermarks only end event time, which
     * the caller does when every input is read). False when the task was cancelled meanwhile.
     */
    private boolean readWhole(StreamTaskInput<Object> input, RecordHandler records,
            List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        while (!canceled) {
            if (timeService.isDue()) {
                timeService.fireDueTimers();
            }
            mailbox.runAll();
            StreamElement element = input.pollNext();
            if (element == null) {
                if (input.isFinished()) {
                    return true;
                }
                for (RecordWriterOutput<?> output : networkOutputs) {
                    output.flush();
                }
                input.waitForData(java.util.concurrent.CompletableFuture.anyOf(timeService.dueFuture(),
                        mailbox.arrivedFuture()));
            } else if (element.isRecord()) {
                records.accept(element.asRecord());
            }
        }
        return false;
    }

    /**
     * BATCH execution of a keyed two-input head: both inputs sorted, then merged by key (and timestamp; the first
     * input's record first when both tie), so each key's records of both inputs go to the operator together.
     */
    private void processSortedInputs(TwoInputStreamOperator<Object, Object, ?> head, ChainConfig chain,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector1,
            KeySelector<Object, Object> keySelector2) throws Exception {
        try (TwoInputs inputs = openTwoInputs(chain);
                KeyedInputSorter<Object> sorter1 = newSorter(chain, keySelector1, chain.getInputSerializer(), 2);
                KeyedInputSorter<Object> sorter2 = newSorter(chain, keySelector2, chain.getInputSerializer2(), 2)) {
            if (!drainInto(inputs.first, sorter1) || !drainInto(inputs.second, sorter2)) {
                return;
            }
            KeyedInputSorter.SortedRecords<Object> sorted1 = sorter1.sorted();
            KeyedInputSorter.SortedRecords<Object> sorted2 = sorter2.sorted();
            boolean has1 = sorted1.next();
            boolean has2 = sorted2.next();
            byte[] lastKey = new byte[32];
            int lastKeyLength = -1;
            while (!canceled && (has1 || has2)) {
                boolean first;
                if (!has2) {
                    first = true;
                } else if (!has1) {
                    first = false;
                } else {
                    int c = sorted1.compareKey(sorted2);
                    first = c < 0 || (c == 0 && sorted1.timestamp() <= sorted2.timestamp());
                }
                KeyedInputSorter.SortedRecords<Object> current = first ? sorted1 : sorted2;
                StreamRecord<Object> record = current.record();
                if (lastKeyLength != current.keyLength() || !java.util.Arrays.equals(current.keyBytes(), 0,
                        lastKeyLength, lastKey, 0, lastKeyLength)) {
                    if (lastKeyLength >= 0) {
                        endKey(head);
                    }
                    lastKeyLength = current.keyLength();
                    if (lastKey.length < lastKeyLength) {
                        lastKey = new byte[lastKeyLength * 2];
                    }
                    System.arraycopy(current.keyBytes(), 0, lastKey, 0, lastKeyLength);
                    backend.setKey((first ? keySelector1 : keySelector2).getKey(record.getValue()));
                }
                if (first) {
                    head.processElement1(record);
                    has1 = sorted1.next();
                } else {
                    head.processElement2(record);
                    has2 = sorted2.next();
                }
            }
            if (canceled) {
                return;
            }
            if (lastKeyLength >= 0) {
                endKey(head);
            }
            head.processWatermark1(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
            head.processWatermark2(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
        }
    }

    /**
     * BATCH execution of a keyed stream connected with a broadcast stream: the broadcast input is read whole first
     * (the broadcast state is complete before any keyed record), then the keyed input sorted by key.
     */
    private void processBroadcastThenSortedInput(TwoInputStreamOperator<Object, Object, ?> head, ChainConfig chain,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector,
            List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        try (TwoInputs inputs = openTwoInputs(chain);
                KeyedInputSorter<Object> sorter = newSorter(chain, keySelector, chain.getInputSerializer(), 1)) {
            if (readWhole(inputs.second, head::processElement2, networkOutputs) && drainInto(inputs.first, sorter)
                    && feedByKey(sorter, head, backend, keySelector, head::processElement1)) {
                head.processWatermark1(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
                head.processWatermark2(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
            }
        }
    }

    /**
     * BATCH execution of a non-keyed stream connected with a broadcast stream: the broadcast input is read whole
     * first, then the other input as it comes.
     */
    private void processBroadcastThenInput(TwoInputStreamOperator<Object, Object, ?> head, ChainConfig chain,
            List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        try (TwoInputs inputs = openTwoInputs(chain)) {
            if (readWhole(inputs.second, head::processElement2, networkOutputs)
                    && readWhole(inputs.first, head::processElement1, networkOutputs)) {
                head.processWatermark1(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
                head.processWatermark2(io.freshet.streaming.api.watermark.Watermark.MAX_WATERMARK);
            }
        }
    }

    private void processInput(OneInputStreamOperator<Object, ?> head, TypeSerializer<Object> inputSerializer,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector,
            List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        List<InputGate> gates = getEnvironment().getAllInputGates();
        for (InputGate gate : gates) {
            gate.requestPartitions();
        }
        try (StreamTaskInput<Object> input = new StreamTaskInput<>(gates, inputSerializer, newBarrierHandler())) {
            while (!canceled) {
                if (timeService.isDue()) {
                    timeService.fireDueTimers();
                }
                mailbox.runAll();
                StreamElement element = input.pollNext();
                if (element == null) {
                    if (input.isFinished()) {
                        inputsStopped = input.isStopped();
                        inputsFinished = true;
                        return;
                    }
                    // the input ran dry: send what waits in partly filled buffers before waiting
                    for (RecordWriterOutput<?> output : networkOutputs) {
                        output.flush();
                    }
                    if (!mailbox.hasMail()) {
                        input.waitForData(java.util.concurrent.CompletableFuture.anyOf(timeService.dueFuture(),
                                mailbox.arrivedFuture()));
                    }
                    continue;
                }
                if (element.isRecord()) {
                    StreamRecord<Object> record = element.asRecord();
                    if (keySelector != null) {
                        backend.setKey(keySelector.getKey(record.getValue()));
                    }
                    head.processElement(record);
                } else if (element.isWatermark()) {
                    head.processWatermark(element.asWatermark());
                } else {
                    head.processWatermarkStatus(element.asWatermarkStatus());
                }
            }
        }
    }

    /**
     * Reads both inputs of a two-input head, taking turns while both have data; each input's watermarks go to its
     * own {@code processWatermark1/2}, and the operator combines them.
     */
    private void processTwoInputs(TwoInputStreamOperator<Object, Object, ?> head, ChainConfig chain,
            HeapKeyedStateBackend<Object> backend, KeySelector<Object, Object> keySelector1,
            KeySelector<Object, Object> keySelector2, List<RecordWriterOutput<?>> networkOutputs) throws Exception {
        try (TwoInputs inputs = openTwoInputs(chain)) {
            StreamTaskInput<Object> input1 = inputs.first;
            StreamTaskInput<Object> input2 = inputs.second;
            boolean firstTurn = true;
            while (!canceled) {
                if (timeService.isDue()) {
                    timeService.fireDueTimers();
                }
                mailbox.runAll();
                StreamTaskInput<Object> preferred = firstTurn ? input1 : input2;
                StreamTaskInput<Object> other = firstTurn ? input2 : input1;
                firstTurn = !firstTurn;
                StreamElement element = preferred.pollNext();
                StreamTaskInput<Object> from = preferred;
                if (element == null) {
                    element = other.pollNext();
                    from = other;
                }
                if (element == null) {
                    if (input1.isFinished() && input2.isFinished()) {
                        inputsStopped = input1.isStopped() && input2.isStopped();
                        inputsFinished = true;
                        return;
                    }
                    for (RecordWriterOutput<?> output : networkOutputs) {
                        output.flush();
                    }
                    // wait for an input that has not ended (an ended one is always "available")
                    if (!mailbox.hasMail()) {
                        java.util.concurrent.CompletableFuture.anyOf(
                                input1.isFinished() ? timeService.dueFuture() : input1.availability(),
                                input2.isFinished() ? timeService.dueFuture() : input2.availability(),
                                timeService.dueFuture(), mailbox.arrivedFuture()).get();
                    }
                    continue;
                }
                boolean first = from == input1;
                if (element.isRecord()) {
                    StreamRecord<Object> record = element.asRecord();
                    KeySelector<Object, Object> keySelector = first ? keySelector1 : keySelector2;
                    if (backend != null && keySelector != null) {
                        backend.setKey(keySelector.getKey(record.getValue()));
                    }
                    if (first) {
                        head.processElement1(record);
                    } else {
                        head.processElement2(record);
                    }
                } else if (element.isWatermarkStatus()) {
                    if (first) {
                        head.processWatermarkStatus1(element.asWatermarkStatus());
                    } else {
                        head.processWatermarkStatus2(element.asWatermarkStatus());
                    }
                } else if (first) {
                    head.processWatermark1(element.asWatermark());
                } else {
                    head.processWatermark2(element.asWatermark());
                }
            }
        }
    }

    private void closeAll(StreamOperator<?>[] operators, boolean opened) throws Exception {
        Exception failure = null;
        for (StreamOperator<?> operator : operators) {
            try {
                operator.close();
            } catch (Exception e) {
                if (opened && failure == null) {
                    failure = e;
                } else {
                    LOG.debug("Closing an operator after an earlier failure failed too.", e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void cancel() throws Exception {
        canceled = true;
        StreamSource<?, ?> source = runningSource;
        if (source != null) {
            source.cancel();
        }
    }

    /** The output of an operator nothing reads from (a sink). */
    private static final class DiscardingOutput implements Output<StreamRecord<Object>> {
        @Override
        public void collect(StreamRecord<Object> record) {}

        @Override
        public <X> void collect(io.freshet.util.OutputTag<X> outputTag, StreamRecord<X> record) {}

        @Override
        public void emitWatermark(io.freshet.streaming.api.watermark.Watermark mark) {}

        @Override
        public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus watermarkStatus) {}

        @Override
        public void close() {}
    }
}
