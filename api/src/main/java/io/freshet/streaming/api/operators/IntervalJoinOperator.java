package io.freshet.streaming.api.operators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeinfo.Types;
import io.freshet.api.java.typeutils.ListTypeInfo;
import io.freshet.streaming.api.functions.co.ProcessJoinFunction;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;
import io.freshet.util.OutputTag;

/**
 * The event-time interval join of two keyed streams: a left record at {@code l} and a right record at {@code r} of
 * one key are joined when {@code l + lowerBound <= r <= l + upperBound} (bounds inclusive here; exclusive bounds
 * arrive already moved by one millisecond).
 *
 * <p>Each input's records wait in a keyed buffer, by timestamp, for partners from the other input. A record is
 * late, and dropped (or sent to its side output), when its timestamp is below the operator's watermark. A buffered
 * record leaves its buffer when the watermark reaches the last timestamp a partner could have: a left record at
 * {@code l} at {@code l + max(upperBound, 0)}, a right record at {@code r} at {@code r + max(-lowerBound, 0)}, through
 * an event-time timer of its key at that time. One timer at {@code t} therefore cleans the left bucket at
 * {@code t - max(upperBound, 0)} and the right bucket at {@code t - max(-lowerBound, 0)}.
 */
public class IntervalJoinOperator<K, T1, T2, OUT>
        extends AbstractTwoInputStreamOperator<T1, T2, OUT, ProcessJoinFunction<T1, T2, OUT>>
        implements InternalTimerService.Triggerable<K> {

    private static final long serialVersionUID = 1L;

    private final long lowerBound;
    private final long upperBound;
    private final TypeInformation<T1> leftType;
    private final TypeInformation<T2> rightType;
    private final OutputTag<T1> leftLateDataOutputTag;
    private final OutputTag<T2> rightLateDataOutputTag;

    private transient MapState<Long, List<T1>> leftBuffer;
    private transient MapState<Long, List<T2>> rightBuffer;
    private transient InternalTimerService<K> timers;
    private transient TimestampedCollector<OUT> collector;
    private transient PairContext context;

    /**
     * @param lowerBound the inclusive lower bound of {@code right - left}, in ms
     * @param upperBound the inclusive upper bound of {@code right - left}, in ms
     * @param leftLateDataOutputTag where late left records go, or null to drop them
     * @param rightLateDataOutputTag where late right records go, or null to drop them
     */
    public IntervalJoinOperator(long lowerBound, long upperBound, TypeInformation<T1> leftType,
            TypeInformation<T2> rightType, OutputTag<T1> leftLateDataOutputTag, OutputTag<T2> rightLateDataOutputTag,
            ProcessJoinFunction<T1, T2, OUT> function) {
        super(function);
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("The interval join's lower bound (" + lowerBound + " ms) must not be"
                    + " above its upper bound (" + upperBound + " ms), after applying exclusive bounds.");
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
        this.leftType = leftType;
        this.rightType = rightType;
        this.leftLateDataOutputTag = leftLateDataOutputTag;
        this.rightLateDataOutputTag = rightLateDataOutputTag;
    }

    @Override
    public void open() throws Exception {
        super.open();
        leftBuffer = getRuntimeContext().getMapState(new MapStateDescriptor<>("interval-join-left-buffer",
                Types.LONG, new ListTypeInfo<>(leftType)));
        rightBuffer = getRuntimeContext().getMapState(new MapStateDescriptor<>("interval-join-right-buffer",
                Types.LONG, new ListTypeInfo<>(rightType)));
        timers = getInternalTimerService(this);
        collector = new TimestampedCollector<>(output);
        context = new PairContext(userFunction);
    }

    // ---- records ----

    @Override
    public void processElement1(StreamRecord<T1> element) throws Exception {
        long timestamp = timestampOf(element, "left");
        T1 left = element.getValue();
        if (isLate(timestamp)) {
            if (leftLateDataOutputTag != null) {
                emitSideOutput(leftLateDataOutputTag, left, timestamp);
            }
            return;
        }
        buffer(leftBuffer, timestamp, left);
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long rightTimestamp = bucket.getKey();
            if (rightTimestamp < timestamp + lowerBound || rightTimestamp > timestamp + upperBound) {
                continue;
            }
            for (T2 right : bucket.getValue()) {
                join(left, timestamp, right, rightTimestamp);
            }
        }
        timers.registerEventTimeTimer(timestamp + Math.max(upperBound, 0));
    }

    @Override
    public void processElement2(StreamRecord<T2> element) throws Exception {
        long timestamp = timestampOf(element, "right");
        T2 right = element.getValue();
        if (isLate(timestamp)) {
            if (rightLateDataOutputTag != null) {
                emitSideOutput(rightLateDataOutputTag, right, timestamp);
            }
            return;
        }
        buffer(rightBuffer, timestamp, right);
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long leftTimestamp = bucket.getKey();
            if (timestamp < leftTimestamp + lowerBound || timestamp > leftTimestamp + upperBound) {
                continue;
            }
            for (T1 left : bucket.getValue()) {
                join(left, leftTimestamp, right, timestamp);
            }
        }
        timers.registerEventTimeTimer(timestamp + Math.max(-lowerBound, 0));
    }

    private static long timestampOf(StreamRecord<?> element, String side) {
        if (!element.hasTimestamp()) {
            throw new IllegalStateException("A " + side + " record of an interval join has no timestamp: interval"
                    + " joins run in event time. Assign timestamps with assignTimestampsAndWatermarks(...) on both"
                    + " inputs.");
        }
        return element.getTimestamp();
    }

    private boolean isLate(long timestamp) {
        long watermark = timers.currentWatermark();
        return watermark != Long.MIN_VALUE && timestamp < watermark;
    }

    private static <T> void buffer(MapState<Long, List<T>> buffer, long timestamp, T value) throws Exception {
        List<T> bucket = buffer.get(timestamp);
        if (bucket == null) {
            bucket = new ArrayList<>(1);
        }
        bucket.add(value);
        buffer.put(timestamp, bucket);
    }

    private void join(T1 left, long leftTimestamp, T2 right, long rightTimestamp) throws Exception {
        long timestamp = Math.max(leftTimestamp, rightTimestamp);
        collector.setAbsoluteTimestamp(timestamp);
        context.set(leftTimestamp, rightTimestamp, timestamp);
        userFunction.processElement(left, right, context, collector);
    }

    // ---- cleanup ----

    @Override
    public void onEventTime(InternalTimerService.InternalTimer<K> timer) throws Exception {
        long time = timer.getTimestamp();
        leftBuffer.remove(time - Math.max(upperBound, 0));
        rightBuffer.remove(time - Math.max(-lowerBound, 0));
    }

    @Override
    public void onProcessingTime(InternalTimerService.InternalTimer<K> timer) {
        // the join registers event-time timers only
    }

    private final class PairContext extends ProcessJoinFunction<T1, T2, OUT>.Context {
        private long leftTimestamp;
        private long rightTimestamp;
        private long timestamp;

        PairContext(ProcessJoinFunction<T1, T2, OUT> function) {
            function.super();
        }

        void set(long leftTimestamp, long rightTimestamp, long timestamp) {
            this.leftTimestamp = leftTimestamp;
            this.rightTimestamp = rightTimestamp;
            this.timestamp = timestamp;
        }

        @Override
        public long getLeftTimestamp() {
            return leftTimestamp;
        }

        @Override
        public long getRightTimestamp() {
            return rightTimestamp;
        }

        @Override
        public long getTimestamp() {
            return timestamp;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp);
        }
    }
}
