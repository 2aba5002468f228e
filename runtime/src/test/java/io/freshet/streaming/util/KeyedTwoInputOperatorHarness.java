package io.freshet.streaming.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobInfoImpl;
import io.freshet.api.common.TaskInfoImpl;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.heap.HeapKeyedStateBackend;
import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.operators.ProcessingTimeService;
import io.freshet.streaming.api.operators.StreamOperatorParameters;
import io.freshet.streaming.api.operators.TwoInputStreamOperator;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/**
 * Drives a keyed two-input operator in the test thread, with the real heap keyed state: feed records (with their
 * keys set as the task would) and watermarks, then read the records, side outputs and watermarks it emitted.
 * Processing time stands still at 0 and processing-time timers never fire.
 */
public final class KeyedTwoInputOperatorHarness<K, IN1, IN2, OUT> implements AutoCloseable {

    private final TwoInputStreamOperator<IN1, IN2, OUT> operator;
    private final KeySelector<IN1, K> keySelector1;
    private final KeySelector<IN2, K> keySelector2;
    private final HeapKeyedStateBackend<K> backend;
    private final List<StreamRecord<OUT>> records = new ArrayList<>();
    private final Map<String, List<StreamRecord<?>>> sideOutputs = new HashMap<>();
    private final List<Long> watermarks = new ArrayList<>();

    public KeyedTwoInputOperatorHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2, TypeSerializer<K> keySerializer)
            throws Exception {
        this(operator, keySelector1, keySelector2, keySerializer, null);
    }

    /** What the operator and its keyed backend wrote for a checkpoint. */
    public static final class Snapshot {
        public final io.freshet.runtime.state.KeyGroupsStateHandle keyed;
        public final byte[] operatorState;

        Snapshot(io.freshet.runtime.state.KeyGroupsStateHandle keyed, byte[] operatorState) {
            this.keyed = keyed;
            this.operatorState = operatorState;
        }
    }

    /** A harness whose operator first restores {@code restoreFrom} (when not null), as a task restoring does. */
    public KeyedTwoInputOperatorHarness(TwoInputStreamOperator<IN1, IN2, OUT> operator,
            KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2, TypeSerializer<K> keySerializer,
            Snapshot restoreFrom) throws Exception {
        this.operator = operator;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
        this.backend = new HeapKeyedStateBackend<>(keySerializer, 128, KeyGroupRange.of(0, 127));
        operator.setup(new StreamOperatorParameters<>(new CollectingOutput(), new JobInfoImpl(new JobID(), "test"),
                new TaskInfoImpl("test", 128, 0, 1, 0), new ExecutionConfig(), getClass().getClassLoader(), backend,
                backend, new StillProcessingTime()).withKeys(keySerializer, key -> true));
        if (restoreFrom != null) {
            if (restoreFrom.keyed != null) {
                backend.restore(List.of(restoreFrom.keyed));
            }
            operator.initializeState(1, restoreFrom.operatorState == null ? List.of()
                    : List.of(restoreFrom.operatorState));
        }
        operator.open();
    }

    /** Snapshots the keyed backend and the operator, as a task does for a checkpoint. */
    public Snapshot snapshot(long checkpointId) throws Exception {
        return new Snapshot(backend.snapshot(), operator.snapshotState(checkpointId, 0));
    }

    public void processElement1(IN1 value, long timestamp) throws Exception {
        backend.setKey(keySelector1.getKey(value));
        operator.processElement1(new StreamRecord<>(value, timestamp));
    }

    /** A record without a timestamp on the first input. */
    public void processElement1(IN1 value) throws Exception {
        backend.setKey(keySelector1.getKey(value));
        operator.processElement1(new StreamRecord<>(value));
    }

    public void processElement2(IN2 value, long timestamp) throws Exception {
        backend.setKey(keySelector2.getKey(value));
        operator.processElement2(new StreamRecord<>(value, timestamp));
    }

    /** The same watermark on both inputs. */
    public void processBothWatermarks(long timestamp) throws Exception {
        operator.processWatermark1(new Watermark(timestamp));
        operator.processWatermark2(new Watermark(timestamp));
    }

    public void processWatermark1(long timestamp) throws Exception {
        operator.processWatermark1(new Watermark(timestamp));
    }

    public void processWatermark2(long timestamp) throws Exception {
        operator.processWatermark2(new Watermark(timestamp));
    }

    /** The emitted records, in order, as "value@timestamp" ("value" when without timestamp). */
    public List<String> takeOutput() {
        List<String> result = new ArrayList<>();
        for (StreamRecord<OUT> record : records) {
            result.add(record.hasTimestamp() ? record.getValue() + "@" + record.getTimestamp()
                    : String.valueOf(record.getValue()));
        }
        records.clear();
        return result;
    }

    @SuppressWarnings("unchecked")
    public <X> List<X> sideOutput(OutputTag<X> tag) {
        List<X> values = new ArrayList<>();
        for (StreamRecord<?> record : sideOutputs.getOrDefault(tag.getId(), List.of())) {
            values.add((X) record.getValue());
        }
        return values;
    }

    /** How many keys hold any keyed state (0 once the operator cleaned up after itself). */
    public int numberOfKeysWithState() {
        return backend.numberOfKeys();
    }

    public List<Long> watermarks() {
        return watermarks;
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }

    private final class CollectingOutput implements Output<StreamRecord<OUT>> {
        @Override
        public void collect(StreamRecord<OUT> record) {
            // records are reused by operators: keep a copy
            records.add(record.hasTimestamp() ? new StreamRecord<>(record.getValue(), record.getTimestamp())
                    : new StreamRecord<>(record.getValue()));
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
            sideOutputs.computeIfAbsent(outputTag.getId(), id -> new ArrayList<>()).add(record.hasTimestamp()
                    ? new StreamRecord<>(record.getValue(), record.getTimestamp())
                    : new StreamRecord<>(record.getValue()));
        }

        @Override
        public void emitWatermark(Watermark mark) {
            watermarks.add(mark.getTimestamp());
        }

        @Override
        public void emitWatermarkStatus(io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus status) {}

        @Override
        public void close() {}
    }

    private static final class StillProcessingTime implements ProcessingTimeService {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
            return () -> {};
        }
    }
}
