package io.freshet.streaming.api.operators;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.eventtime.TimestampAssigner;
import io.freshet.api.common.eventtime.WatermarkGenerator;
import io.freshet.api.common.eventtime.WatermarkStrategy;
import io.freshet.api.connector.source.ReaderOutput;
import io.freshet.api.connector.source.Source;
import io.freshet.api.connector.source.SourceEvent;
import io.freshet.api.connector.source.SourceOutput;
import io.freshet.api.connector.source.SourceReader;
import io.freshet.api.connector.source.SourceReaderContext;
import io.freshet.api.connector.source.SourceSplit;
import io.freshet.configuration.Configuration;
import io.freshet.core.io.InputStatus;
import io.freshet.runtime.operators.coordination.OperatorEvent;
import io.freshet.runtime.operators.coordination.OperatorEventGateway;
import io.freshet.runtime.operators.coordination.OperatorEventHandler;
import io.freshet.runtime.source.event.AddSplitEvent;
import io.freshet.runtime.source.event.NoMoreSplitsEvent;
import io.freshet.runtime.source.event.ReaderRegistrationEvent;
import io.freshet.runtime.source.event.RequestSplitEvent;
import io.freshet.runtime.source.event.SourceEventWrapper;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus;
import io.freshet.util.UserCodeClassLoader;

/**
 * The task side of a split-based source: runs the source's {@link SourceReader}, which reads the splits the
 * enumerator on the JobManager assigns, gives the records timestamps and the stream watermarks from the
 * {@code WatermarkStrategy}, and talks to the enumerator through operator events. The task calls
 * {@link #emitNext} in its loop (never blocking) and waits on {@link #getAvailableFuture} when nothing is available.
 * In BATCH mode no watermarks are emitted until the input ends.
 */
public class SourceOperator<OUT, SplitT extends SourceSplit> extends AbstractStreamOperator<OUT>
        implements OperatorEventHandler, ProcessingTimeService.ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    private final Source<OUT, SplitT, ?> source;
    private final WatermarkStrategy<OUT> watermarkStrategy;
    private final long autoWatermarkIntervalMillis;

    private transient OperatorEventGateway eventGateway;
    private transient Configuration configuration;
    private transient SourceReader<OUT, SplitT> reader;
    private transient Emitter emitter;
    private transient io.freshet.api.common.state.ListState<byte[]> readerState;

    @SuppressWarnings("unchecked")
    public SourceOperator(Source<OUT, ?, ?> source, WatermarkStrategy<OUT> watermarkStrategy,
            long autoWatermarkIntervalMillis) {
        this.source = (Source<OUT, SplitT, ?>) source;
        this.watermarkStrategy = watermarkStrategy;
        this.autoWatermarkIntervalMillis = autoWatermarkIntervalMillis;
        this.chainingStrategy = ChainingStrategy.HEAD;
    }

    /** Where events to the enumerator go; set by the task before {@link #open()}. */
    public void setOperatorEventGateway(OperatorEventGateway gateway, Configuration jobConfiguration) {
        this.eventGateway = gateway;
        this.configuration = jobConfiguration;
    }

    public Source<OUT, SplitT, ?> getSource() {
        return source;
    }

    @Override
    public void open() throws Exception {
        super.open();
        int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        String host = localHostName();
        emitter = new Emitter(watermarkStrategy.createTimestampAssigner(
                new io.freshet.api.common.eventtime.TimestampAssignerSupplier.Context() {}),
                watermarkStrategy.createWatermarkGenerator(
                        new io.freshet.api.common.eventtime.WatermarkGeneratorSupplier.Context() {}));
        reader = source.createReader(new ReaderContext(subtask, host));
        readerState = getOperatorStateBackend().getListState(new io.freshet.api.common.state.ListStateDescriptor<>(
                "SourceReaderState", io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer.INSTANCE));
        java.util.List<SplitT> restored = new java.util.ArrayList<>();
        io.freshet.core.io.SimpleVersionedSerializer<SplitT> splitSerializer = source.getSplitSerializer();
        for (byte[] serialized : readerState.get()) {
            restored.add(io.freshet.core.io.SimpleVersionedSerialization.readVersionAndDeSerialize(splitSerializer,
                    serialized));
        }
        if (!restored.isEmpty()) {
            // the splits this reader had at the checkpoint, where it stood in them
            reader.addSplits(restored);
        }
        // registered first: what the reader sends when it starts (a split request) may be answered at once
        eventGateway.sendEventToCoordinator(new ReaderRegistrationEvent(subtask, host));
        reader.start();
        if (autoWatermarkIntervalMillis > 0 && !isBatchExecution()) {
            ProcessingTimeService time = getProcessingTimeService();
            time.registerTimer(time.getCurrentProcessingTime() + autoWatermarkIntervalMillis, this);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    /** Emits what the reader has now; {@link InputStatus#END_OF_INPUT} once every split is read. */
    public InputStatus emitNext() throws Exception {
        return reader.pollNext(emitter);
    }

    /** Completes when the reader may have more. */
    public CompletableFuture<Void> getAvailableFuture() {
        return reader.isAvailable();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handleOperatorEvent(OperatorEvent event) throws Exception {
        if (event instanceof AddSplitEvent) {
            reader.addSplits(((AddSplitEvent<SplitT>) event).splits(source.getSplitSerializer()));
        } else if (event instanceof NoMoreSplitsEvent) {
            reader.notifyNoMoreSplits();
        } else if (event instanceof SourceEventWrapper) {
            reader.handleSourceEvents(((SourceEventWrapper) event).getSourceEvent());
        } else {
            throw new IllegalArgumentException("A source reader cannot handle " + event);
        }
    }

    @Override
    public void onProcessingTime(long time) {
        emitter.generator.onPeriodicEmit(emitter);
        ProcessingTimeService service = getProcessingTimeService();
        service.registerTimer(service.getCurrentProcessingTime() + autoWatermarkIntervalMillis, this);
    }

    /** The input has ended: event time ends too. */
    /** Checkpoint: the reader's splits (with its position in them) go into operator state. */
    @Override
    public byte[] snapshotState(long checkpointId, long timestamp) throws Exception {
        java.util.List<byte[]> splits = new java.util.ArrayList<>();
        io.freshet.core.io.SimpleVersionedSerializer<SplitT> splitSerializer = source.getSplitSerializer();
        for (SplitT split : reader.snapshotState(checkpointId)) {
            splits.add(io.freshet.core.io.SimpleVersionedSerialization.writeVersionAndSerialize(splitSerializer,
                    split));
        }
        readerState.update(splits);
        return super.snapshotState(checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
        super.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        super.finish();
        if (!isBatchExecution()) {
            emitter.generator.onPeriodicEmit(emitter);
        }
        emitter.emitFinalWatermark();
    }

    @Override
    public void close() throws Exception {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            super.close();
        }
    }

    /** Timestamps, watermarks and idleness of the records the reader emits. */
    private final class Emitter implements ReaderOutput<OUT> {
        private final TimestampAssigner<OUT> assigner;
        final WatermarkGenerator<OUT> generator;
        private final StreamRecord<OUT> reuse = new StreamRecord<>(null);
        private long lastEmitted = Long.MIN_VALUE;
        private boolean idle;

        Emitter(TimestampAssigner<OUT> assigner, WatermarkGenerator<OUT> generator) {
            this.assigner = assigner;
            this.generator = generator;
        }

        @Override
        public void collect(OUT record) {
            collect(record, TimestampAssigner.NO_TIMESTAMP);
        }

        @Override
        public void collect(OUT record, long timestamp) {
            long assigned = assigner.extractTimestamp(record, timestamp);
            if (idle) {
                markActive();
            }
            if (assigned == TimestampAssigner.NO_TIMESTAMP) {
                reuse.eraseTimestamp();
                output.collect(reuse.replace(record));
            } else {
                output.collect(reuse.replace(record, assigned));
            }
            generator.onEvent(record, assigned, this);
        }

        @Override
        public void emitWatermark(io.freshet.api.common.eventtime.Watermark watermark) {
            if (isBatchExecution() || watermark.getTimestamp() <= lastEmitted) {
                return;
            }
            markActive();
            lastEmitted = watermark.getTimestamp();
            output.emitWatermark(new Watermark(watermark.getTimestamp()));
        }

        void emitFinalWatermark() {
            if (lastEmitted != Long.MAX_VALUE) {
                lastEmitted = Long.MAX_VALUE;
                output.emitWatermark(Watermark.MAX_WATERMARK);
            }
        }

        @Override
        public void markIdle() {
            if (!idle && !isBatchExecution()) {
                idle = true;
                output.emitWatermarkStatus(WatermarkStatus.IDLE);
            }
        }

        @Override
        public void markActive() {
            if (idle) {
                idle = false;
                output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }

        /** One output for all splits: watermarks are not tracked per split. */
        @Override
        public SourceOutput<OUT> createOutputForSplit(String splitId) {
            return this;
        }

        @Override
        public void releaseOutputForSplit(String splitId) {}
    }

    private final class ReaderContext implements SourceReaderContext {
        private final int subtask;
        private final String host;

        ReaderContext(int subtask, String host) {
            this.subtask = subtask;
            this.host = host;
        }

        @Override
        public Configuration getConfiguration() {
            return configuration;
        }

        @Override
        public String getLocalHostName() {
            return host;
        }

        @Override
        public int getIndexOfSubtask() {
            return subtask;
        }

        @Override
        public void sendSplitRequest() {
            eventGateway.sendEventToCoordinator(new RequestSplitEvent(host));
        }

        @Override
        public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
            eventGateway.sendEventToCoordinator(new SourceEventWrapper(sourceEvent));
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return UserCodeClassLoader.of(getRuntimeContext().getUserCodeClassLoader(),
                    getRuntimeContext()::registerUserCodeClassLoaderReleaseHookIfAbsent);
        }

        @Override
        public int currentParallelism() {
            return getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
        }
    }
}
