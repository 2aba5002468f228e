package io.freshet.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.freshet.streaming.api.windowing.triggers.EventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Event-time windows of {@code size} starting every {@code slide}: a record belongs to size/slide of them. */
public class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;
    /** The windows of the previous record, handed out again to the records that fall into them. */
    private transient LastAssignment lastAssignment;

    protected SlidingEventTimeWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingEventTimeWindows needs a positive size and slide and"
                    + " |offset| < slide, not size " + size + ", slide " + slide + ", offset " + offset + " ms.");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Deprecated
    public static SlidingEventTimeWindows of(io.freshet.streaming.api.windowing.time.Time size, io.freshet.streaming.api.windowing.time.Time slide, io.freshet.streaming.api.windowing.time.Time offset) {
        return of(size.toDuration(), slide.toDuration(), offset.toDuration());
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
    }

    @Deprecated
    public static SlidingEventTimeWindows of(io.freshet.streaming.api.windowing.time.Time size,
            io.freshet.streaming.api.windowing.time.Time slide) {
        return of(size.toDuration(), slide.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("A record has no timestamp: event-time windows need one. Assign them with"
                    + " assignTimestampsAndWatermarks(...) before the window, or use processing-time windows.");
        }
        LastAssignment last = lastAssignment;
        if (last == null || !last.isSliding(timestamp, TimeWindow.getWindowStartWithOffset(timestamp, offset, slide),
                size)) {
            last = LastAssignment.sliding(timestamp, size, slide, offset);
            lastAssignment = last;
        }
        return last.windows;
    }

    static List<TimeWindow> slidingWindows(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
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
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
