package io.freshet.streaming.api.windowing.triggers;

import java.time.Duration;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.streaming.api.windowing.windows.Window;

/**
 * Fires a window every {@code interval} of processing time, at multiples of the interval (aligned to the epoch),
 * from the first element on, and when the wall clock reaches the window's end. The firings do not purge.
 */
public class ContinuousProcessingTimeTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long interval;
    private final ValueStateDescriptor<Long> nextFireDescriptor = new ValueStateDescriptor<>("next-fire", Long.class);

    private ContinuousProcessingTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousProcessingTimeTrigger.of needs a positive interval, not "
                    + interval + " ms");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(Duration interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMillis());
    }

    @Deprecated
    public static <W extends Window> ContinuousProcessingTimeTrigger<W> of(
            io.freshet.streaming.api.windowing.time.Time interval) {
        return new ContinuousProcessingTimeTrigger<>(interval.toMilliseconds());
    }

    public long getInterval() {
        return interval;
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        if (nextFire.value() == null) {
            long now = ctx.getCurrentProcessingTime();
            scheduleAfter(now - now % interval, window, ctx, nextFire);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.value();
        if (scheduled == null || scheduled != time) {
            return TriggerResult.CONTINUE;
        }
        scheduleAfter(time, window, ctx, nextFire);
        return TriggerResult.FIRE;
    }

    private void scheduleAfter(long time, W window, TriggerContext ctx, ValueState<Long> nextFire) throws Exception {
        long next = Math.min(time + interval, window.maxTimestamp());
        nextFire.update(next);
        ctx.registerProcessingTimeTimer(next);
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ValueState<Long> nextFire = ctx.getPartitionedState(nextFireDescriptor);
        Long scheduled = nextFire.value();
        if (scheduled != null) {
            ctx.deleteProcessingTimeTimer(scheduled);
            nextFire.clear();
        }
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    /** The merged window keeps its own schedule, if it has one; merged-away windows' schedules are dropped. */
    @Override
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        Long scheduled = ctx.getPartitionedState(nextFireDescriptor).value();
        if (scheduled != null) {
            ctx.registerProcessingTimeTimer(scheduled);
        }
    }

    @Override
    public String toString() {
        return "ContinuousProcessingTimeTrigger(" + interval + ")";
    }
}
