package io.freshet.streaming.api.windowing.assigners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.freshet.streaming.api.windowing.triggers.EventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Event-time sessions: a key's records less than {@code gap} apart fall into one window. */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {

    private static final long serialVersionUID = 1L;

    protected final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("EventTimeSessionWindows needs a positive gap, not " + sessionTimeout
                    + " ms.");
        }
        this.sessionTimeout = sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(size.toMillis());
    }

    @Deprecated
    public static EventTimeSessionWindows withGap(io.freshet.streaming.api.windowing.time.Time size) {
        return withGap(size.toDuration());
    }

    /** Sessions whose gap each element sets. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("A record has no timestamp: event-time session windows need one. Assign"
                    + " them with assignTimestampsAndWatermarks(...) before the window.");
        }
        return List.of(new TimeWindow(timestamp, timestamp + sessionTimeout));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        SessionMerging.mergeWindows(windows, callback);
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
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
