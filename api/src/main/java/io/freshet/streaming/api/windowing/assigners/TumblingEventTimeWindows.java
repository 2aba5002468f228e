package io.freshet.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;

import io.freshet.streaming.api.windowing.triggers.EventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Fixed-size, non-overlapping event-time windows, aligned to the epoch (plus an optional offset). */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;
    private final WindowStagger windowStagger;
    /** This operator instance's stagger, chosen at its first element. */
    private transient Long staggerOffset;
    /** The window of the previous record, handed out again to the records that fall into it. */
    private transient LastAssignment lastAssignment;

    protected TumblingEventTimeWindows(long size, long offset) {
        this(size, offset, WindowStagger.ALIGNED);
    }

    protected TumblingEventTimeWindows(long size, long offset, WindowStagger windowStagger) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows needs a positive size and |offset| < size,"
                    + " not size " + size + " ms and offset " + offset + " ms.");
        }
        this.size = size;
        this.offset = offset;
        this.windowStagger = java.util.Objects.requireNonNull(windowStagger, "the WindowStagger of " + getClass()
                .getSimpleName());
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(size.toMillis(), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Deprecated
    public static TumblingEventTimeWindows of(io.freshet.streaming.api.windowing.time.Time size, io.freshet.streaming.api.windowing.time.Time offset) {
        return of(size.toDuration(), offset.toDuration());
    }

    @Deprecated
    public static TumblingEventTimeWindows of(io.freshet.streaming.api.windowing.time.Time size) {
        return of(size.toDuration());
    }

    /** Windows of {@code size} with {@code offset}, each parallel operator shifted as {@code windowStagger} says. */
    public static TumblingEventTimeWindows of(Duration size, Duration offset, WindowStagger windowStagger) {
        return new TumblingEventTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis(), windowStagger);
    }

    @Deprecated
    public static TumblingEventTimeWindows of(io.freshet.streaming.api.windowing.time.Time size,
            io.freshet.streaming.api.windowing.time.Time offset, WindowStagger windowStagger) {
        return of(size.toDuration(), offset.toDuration(), windowStagger);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("A record has no timestamp: event-time windows need one. Assign them with"
                    + " assignTimestampsAndWatermarks(...) before the window, or use processing-time windows.");
        }
        if (staggerOffset == null) {
            staggerOffset = windowStagger.getStaggerOffset(context.getCurrentProcessingTime(), size);
        }
        long start = TimeWindow.getWindowStartWithOffset(timestamp, (offset + staggerOffset) % size, size);
        LastAssignment last = lastAssignment;
        if (last == null || !last.isTumbling(start)) {
            last = LastAssignment.tumbling(start, size);
            lastAssignment = last;
        }
        return last.windows;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
