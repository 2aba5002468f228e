package io.freshet.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.freshet.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.TimeWindow;

/** Processing-time sessions whose gap each element sets ({@link SessionWindowTimeGapExtractor}). */
public class DynamicProcessingTimeSessionWindows<T> extends MergingWindowAssigner<T, TimeWindow> {

    private static final long serialVersionUID = 1L;

    protected SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor;

    protected DynamicProcessingTimeSessionWindows(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        this.sessionWindowTimeGapExtractor = Objects.requireNonNull(sessionWindowTimeGapExtractor,
                "the SessionWindowTimeGapExtractor of withDynamicGap");
    }

    public static <T> DynamicProcessingTimeSessionWindows<T> withDynamicGap(
            SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicProcessingTimeSessionWindows<>(sessionWindowTimeGapExtractor);
    }

    @Override
    public Collection<TimeWindow> assignWindows(T element, long timestamp, WindowAssignerContext context) {
        long now = context.getCurrentProcessingTime();
        long gap = sessionWindowTimeGapExtractor.extract(element);
        if (gap <= 0) {
            throw new IllegalArgumentException("The dynamic session gap of " + element + " is " + gap
                    + " ms; the SessionWindowTimeGapExtractor must return a positive gap.");
        }
        return List.of(new TimeWindow(now, now + gap));
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        SessionMerging.mergeWindows(windows, callback);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<T, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "DynamicProcessingTimeSessionWindows()";
    }
}
