package io.freshet.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.freshet.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Fixed-size, non-overlapping windows over the wall clock of the operator. */
public class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingProcessingTimeWindows needs a positive size and |offset| <"
                    + " size, not size " + size + " ms and offset " + offset + " ms.");
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(size.toMillis(), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(size.toMillis(), offset.toMillis() % size.toMillis());
    }

    @Deprecated
    public static TumblingProcessingTimeWindows of(io.freshet.streaming.api.windowing.time.Time size, io.freshet.streaming.api.windowing.time.Time offset) {
        return of(size.toDuration(), offset.toDuration());
    }

    public long getSize() {
        return size;
    }

    @Deprecated
    public static TumblingProcessingTimeWindows of(io.freshet.streaming.api.windowing.time.Time size) {
        return of(size.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        long start = TimeWindow.getWindowStartWithOffset(now, offset, size);
        return List.of(new TimeWindow(start, start + size));
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
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
