package io.freshet.streaming.api.windowing.triggers;

import java.time.Duration;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.streaming.api.windowing.windows.Window;

/**
 * Fires a window every {@code interval} of event time, at multiples of the interval (aligned to the epoch), from
 * the first element on, and once more when the watermark passes the window's end. The firings do not purge.
 */
public class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long interval;
    /** The next time the window fires on its interval. */
    private final ValueStateDescriptor<Long> nextFireDescriptor = new ValueStateDescriptor<>("next-fire", Long.class);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousEventTimeTrigger.of needs a positive interval, not "
                    + interval + " ms");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    @Deprecated
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(
            io.freshet.streaming.api.windowing.time.Time interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMilliseconds());
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE; // late but within the allowed lateness: emit the updated window now
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        if (nextFire.value() == null) {
            scheduleAfter(alignedStart(timestamp), window, ctx, nextFire);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.value();
        if (scheduled == null || scheduled != time) {
            return TriggerResult.CONTINUE; // a timer of another window of this key
        }
        scheduleAfter(time, window, ctx, nextFire);
        return TriggerResult.FIRE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        return TriggerResult.CONTINUE;
    }

    /**
     * The multiple of the interval at or below {@code timestamp}, toward zero as Java's remainder goes (so for
     * negative timestamps the multiple above), which is where Flink's schedule starts too.
     */
    private long alignedStart(long timestamp) {
        return timestamp - timestamp % interval;
    }

    /** Schedules the next firing one interval after {@code time}, but no later than the window's end. */
    private void scheduleAfter(long time, W window, TriggerContext ctx, ValueState<Long> nextFire) throws Exception {
        long next = Math.min(time + interval, window.maxTimestamp());
        nextFire.update(next);
        ctx.registerEventTimeTimer(next);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.value();
        if (scheduled != null) {
            ctx.deleteEventTimeTimer(scheduled);
            nextFire.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    /**
     * The merged window fires at its end, and on its interval from its next element on (the merged-away windows'
     * schedules are not carried over).
     */
    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
        Long scheduled = ctx.getPartitionedState(nextFireDescriptor).value();
        if (scheduled != null) {
            ctx.registerEventTimeTimer(scheduled);
        }
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }
}
