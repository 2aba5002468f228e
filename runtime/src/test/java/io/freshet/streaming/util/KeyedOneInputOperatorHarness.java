package io.freshet.streaming.util;

import java.util.ArrayList;
import java.util.List;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobInfoImpl;
import io.freshet.api.common.TaskInfoImpl;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.functions.KeySelector;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.heap.HeapKeyedStateBackend;
import io.freshet.streaming.api.operators.OneInputStreamOperator;
import io.freshet.streaming.api.operators.Output;
import io.freshet.streaming.api.operators.ProcessingTimeService;
import io.freshet.streaming.api.operators.StreamOperatorParameters;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/**
 * Drives a keyed one-input operator in the test thread, with the real heap keyed state: feed records (with their keys
 * set as the task would) and watermarks, then read the records it emitted. Processing time stands still at 0 and
 * processing-time timers never fire (the sibling of {@link KeyedTwoInputOperatorHarness}).
 */
public final class KeyedOneInputOperatorHarness<K, IN, OUT> implements AutoCloseable {

    private final OneInputStreamOperator<IN, OUT> operator;
    private final KeySelector<IN, K> keySelector;
    private final HeapKeyedStateBackend<K> backend;
    private final List<StreamRecord<OUT>> records = new ArrayList<>();

    public KeyedOneInputOperatorHarness(OneInputStreamOperator<IN, OUT> operator, KeySelector<IN, K> keySelector,
            TypeSerializer<K> keySerializer) throws Exception {
        this.operator = operator;
        this.keySelector = keySelector;
        this.backend = new HeapKeyedStateBackend<>(keySerializer, 128, KeyGroupRange.of(0, 127));
        operator.setup(new StreamOperatorParameters<>(new CollectingOutput(), new JobInfoImpl(new JobID(), "test"),
                new TaskInfoImpl("test", 128, 0, 1, 0), new ExecutionConfig(), getClass().getClassLoader(), backend,
                backend, new StillProcessingTime()));
        operator.open();
    }

    public void processElement(IN value, long timestamp) throws Exception {
        backend.setKey(keySelector.getKey(value));
        operator.processElement(new StreamRecord<>(value, timestamp));
    }

    public void processWatermark(long timestamp) throws Exception {
        operator.processWatermark(new Watermark(timestamp));
    }

    /** The emitted records since the last call, in order, as "value@timestamp" ("value" when without timestamp). */
    public List<String> takeOutput() {
        List<String> result = new ArrayList<>();
        for (StreamRecord<OUT> record : records) {
            result.add(record.hasTimestamp() ? record.getValue() + "@" + record.getTimestamp()
                    : String.valueOf(record.getValue()));
        }
        records.clear();
        return result;
    }

    /** How many keys hold any keyed state (0 once the operator cleaned up after itself). */
    public int numberOfKeysWithState() {
        return backend.numberOfKeys();
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
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

        @Override
        public void emitWatermark(Watermark mark) {}

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
