package io.freshet.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.freshet.streaming.api.windowing.triggers.EventTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Event-time sessions whose gap each element sets ({@link SessionWindowTimeGapExtractor}). */
public class DynamicEventTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    protected SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicEventTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        this.sessionWindowTimeGapExtractor = Objects.requireNonNull(sessionWindowTimeGapExtractor,
                "the SessionWindowTimeGapExtractor of withDynamicGap");
    }

    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("A record has no timestamp: event-time session windows need one. Assign"
                    + " them with assignTimestampsAndWatermarks(...) before the window.");
        }
        long gap = sessionWindowTimeGapExtractor.extract(element);
        if (gap <= 0) {
            throw new IllegalArgumentException("The dynamic session gap of " + element + " is " + gap
                    + " ms; the SessionWindowTimeGapExtractor must return a positive gap.");
        }
        return List.of(new TimeWindow(timestamp, timestamp + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        SessionMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public String toString() {
        return "DynamicEventTimeSessionWindows()";
    }
}
