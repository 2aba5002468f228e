package io.freshet.streaming.api.functions.sink;

import java.util.Map;
import java.util.OptionalLong;

import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.connector.sink2.Sink;
import io.freshet.api.connector.sink2.SinkWriter;
import io.freshet.api.connector.sink2.WriterInitContext;
import io.freshet.configuration.Configuration;
import io.freshet.util.UserCodeClassLoader;

/**
 * Runs a {@link Sink}'s writer where {@code sinkTo} puts it: created when the task opens, handed every record and
 * watermark, flushed with {@code endOfInput} when a bounded input ends, closed with the task.
 *
 * <p>Two-phase sinks ({@link io.freshet.api.connector.sink2.SupportsCommitter} with a
 * {@link io.freshet.api.connector.sink2.CommittingSinkWriter}): at each checkpoint the writer's committables are
 * prepared and kept in operator state with the checkpoint's id; when the checkpoint completes they are committed
 * (the committer runs in this task). A restore commits the committables of the restored checkpoint again (committers
 * are idempotent), so output is committed exactly once. When a bounded input ends, what is left is committed with the
 * final checkpoint the task waits for (or at once when the job takes no checkpoints).
 */
@SuppressWarnings("deprecation")
public final class SinkWriterFunction<IN> extends RichSinkFunction<IN>
        implements io.freshet.streaming.api.checkpoint.CheckpointedFunction,
        io.freshet.api.common.state.CheckpointListener {

    private static final long serialVersionUID = 1L;

    private final Sink<IN> sink;
    private final TypeSerializer<IN> inputSerializer;
    private transient SinkWriter<IN> writer;
    private transient WriterContext writerContext;
    private transient io.freshet.api.common.state.ListState<byte[]> committableState;
    /** Committables not committed yet, by the checkpoint they were prepared for. */
    private transient java.util.TreeMap<Long, java.util.List<Object>> uncommitted;
    private transient io.freshet.api.connector.sink2.Committer<Object> committer;
    private transient java.util.List<Object> restoredCommittables;

    public SinkWriterFunction(Sink<IN> sink, TypeSerializer<IN> inputSerializer) {
        this.sink = sink;
        this.inputSerializer = inputSerializer;
    }

    @SuppressWarnings("unchecked")
    private io.freshet.core.io.SimpleVersionedSerializer<Object> committableSerializer() {
        return ((io.freshet.api.connector.sink2.SupportsCommitter<Object>) sink).getCommittableSerializer();
    }

    @Override
    public void initializeState(io.freshet.runtime.state.FunctionInitializationContext context) throws Exception {
        uncommitted = new java.util.TreeMap<>();
        restoredCommittables = new java.util.ArrayList<>();
        if (!(sink instanceof io.freshet.api.connector.sink2.SupportsCommitter)) {
            return;
        }
        committableState = context.getOperatorStateStore().getListState(new io.freshet.api.common.state
                .ListStateDescriptor<>("committables", io.freshet.api.common.typeutils.base.array
                        .BytePrimitiveArraySerializer.INSTANCE));
        for (byte[] serialized : committableState.get()) {
            restoredCommittables.add(io.freshet.core.io.SimpleVersionedSerialization.readVersionAndDeSerialize(
                    committableSerializer(), java.util.Arrays.copyOfRange(serialized, 8, serialized.length)));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open(Configuration parameters) throws Exception {
        InitContextImpl context = new InitContextImpl();
        writer = sink.createWriter((WriterInitContext) context);
        writerContext = new WriterContext();
        if (sink instanceof io.freshet.api.connector.sink2.SupportsCommitter) {
            committer = ((io.freshet.api.connector.sink2.SupportsCommitter<Object>) sink).createCommitter(context);
            if (!restoredCommittables.isEmpty()) {
                // prepared for the checkpoint this run restores, which completed: commit them (again, maybe)
                commit(restoredCommittables);
                restoredCommittables.clear();
            }
        }
    }

    @Override
    public void snapshotState(io.freshet.runtime.state.FunctionSnapshotContext context) throws Exception {
        if (committer == null) {
            return;
        }
        if (writer instanceof io.freshet.api.connector.sink2.CommittingSinkWriter) {
            writer.flush(false);
            java.util.List<Object> prepared = new java.util.ArrayList<>(
                    ((io.freshet.api.connector.sink2.CommittingSinkWriter<IN, Object>) writer).prepareCommit());
            if (!prepared.isEmpty()) {
                uncommitted.computeIfAbsent(context.getCheckpointId(), id -> new java.util.ArrayList<>())
                        .addAll(prepared);
            }
        }
        java.util.List<byte[]> serialized = new java.util.ArrayList<>();
        for (Map.Entry<Long, java.util.List<Object>> entry : uncommitted.entrySet()) {
            for (Object committable : entry.getValue()) {
                byte[] bytes = io.freshet.core.io.SimpleVersionedSerialization.writeVersionAndSerialize(
                        committableSerializer(), committable);
                serialized.add(java.nio.ByteBuffer.allocate(8 + bytes.length).putLong(entry.getKey()).put(bytes)
                        .array());
            }
        }
        committableState.update(serialized);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (committer == null) {
            return;
        }
        java.util.SortedMap<Long, java.util.List<Object>> due = uncommitted.headMap(checkpointId, true);
        java.util.List<Object> committables = new java.util.ArrayList<>();
        due.values().forEach(committables::addAll);
        due.clear();
        commit(committables);
    }

    private void commit(java.util.List<Object> committables) throws Exception {
        if (committables.isEmpty()) {
            return;
        }
        java.util.List<Request> requests = new java.util.ArrayList<>();
        for (Object committable : committables) {
            requests.add(new Request(committable));
        }
        committer.commit(new java.util.ArrayList<>(requests));
        for (Request request : requests) {
            if (request.failure != null) {
                throw new java.io.IOException("The sink could not commit " + request.committable + ": "
                        + request.failure.getMessage(), request.failure);
            }
        }
    }

    /** One commit request; retries are not supported yet (a request asking for one fails the job). */
    private static final class Request implements io.freshet.api.connector.sink2.Committer.CommitRequest<Object> {
        private Object committable;
        private Throwable failure;

        Request(Object committable) {
            this.committable = committable;
        }

        @Override
        public Object getCommittable() {
            return committable;
        }

        @Override
        public int getNumberOfRetries() {
            return 0;
        }

        @Override
        public void signalFailedWithKnownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void signalFailedWithUnknownReason(Throwable t) {
            failure = t;
        }

        @Override
        public void retryLater() {
            failure = new UnsupportedOperationException("commit retries are not supported yet");
        }

        @Override
        public void updateAndRetryLater(Object committable) {
            this.committable = committable;
            retryLater();
        }

        @Override
        public void signalAlreadyCommitted() {}
    }

    @Override
    public void invoke(IN value, Context context) throws Exception {
        writerContext.context = context;
        writer.write(value, writerContext);
    }

    @Override
    public void writeWatermark(io.freshet.api.common.eventtime.Watermark watermark) throws Exception {
        writer.writeWatermark(watermark);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finish() throws Exception {
        writer.flush(true);
        if (awaitsFinalCheckpoint()) {
            return; // the final checkpoint takes the rest into its state; its completion commits it
        }
        if (committer != null && writer instanceof io.freshet.api.connector.sink2.CommittingSinkWriter) {
            // the input ended and no checkpoint follows: what is left is committed now
            java.util.List<Object> rest = new java.util.ArrayList<>();
            uncommitted.values().forEach(rest::addAll);
            uncommitted.clear();
            rest.addAll(((io.freshet.api.connector.sink2.CommittingSinkWriter<IN, Object>) writer).prepareCommit());
            commit(rest);
        }
    }

    /**
     * Whether what this sink wrote after its last checkpoint waits for the final checkpoint (taken after its input
     * ended; the task waits for it when the job takes checkpoints) instead of being committed when the input ends: a
     * failure of another task after the commit would otherwise restore an older checkpoint and write it again.
     */
    public boolean awaitsFinalCheckpoint() {
        return committer != null && writer instanceof io.freshet.api.connector.sink2.CommittingSinkWriter
                && getRuntimeContext() instanceof io.freshet.streaming.api.operators.StreamingRuntimeContext
                && ((io.freshet.streaming.api.operators.StreamingRuntimeContext) getRuntimeContext())
                        .isCheckpointingEnabled();
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.close();
            }
        } finally {
            if (committer != null) {
                committer.close();
            }
        }
    }

    private static final class WriterContext implements SinkWriter.Context {
        SinkFunction.Context context;

        @Override
        public long currentWatermark() {
            return context.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return context.timestamp();
        }
    }

    private final class InitContextImpl implements WriterInitContext, Sink.InitContext,
            io.freshet.api.connector.sink2.CommitterInitContext {
        @Override
        public OptionalLong getRestoredCheckpointId() {
            return OptionalLong.empty();
        }

        @Override
        public JobInfo getJobInfo() {
            return getRuntimeContext().getJobInfo();
        }

        @Override
        public TaskInfo getTaskInfo() {
            return getRuntimeContext().getTaskInfo();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return UserCodeClassLoader.of(getRuntimeContext().getUserCodeClassLoader(),
                    getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
        }

        @Override
        public boolean isObjectReuseEnabled() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeSerializer<T> createInputSerializer() {
            return (TypeSerializer<T>) inputSerializer.duplicate();
        }
    }
}
