package io.freshet.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;

import io.freshet.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Processing-time windows of {@code size} starting every {@code slide}. */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long slide;
    private final long offset;
    /** The windows of the previous record, handed out again to the records that fall into them. */
    private transient LastAssignment lastAssignment;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingProcessingTimeWindows needs a positive size and slide and"
                    + " |offset| < slide, not size " + size + ", slide " + slide + ", offset " + offset + " ms.");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(size.toMillis(), slide.toMillis(), offset.toMillis() % slide.toMillis());
    }

    @Deprecated
    public static SlidingProcessingTimeWindows of(io.freshet.streaming.api.windowing.time.Time size, io.freshet.streaming.api.windowing.time.Time slide, io.freshet.streaming.api.windowing.time.Time offset) {
        return of(size.toDuration(), slide.toDuration(), offset.toDuration());
    }

    public long getSize() {
        return size;
    }

    public long getSlide() {
        return slide;
    }

    @Deprecated
    public static SlidingProcessingTimeWindows of(io.freshet.streaming.api.windowing.time.Time size, io.freshet.streaming.api.windowing.time.Time slide) {
        return of(size.toDuration(), slide.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        LastAssignment last = lastAssignment;
        if (last == null || !last.isSliding(now, TimeWindow.getWindowStartWithOffset(now, offset, slide), size)) {
            last = LastAssignment.sliding(now, size, slide, offset);
            lastAssignment = last;
        }
        return last.windows;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
