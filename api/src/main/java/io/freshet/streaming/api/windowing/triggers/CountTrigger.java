package io.freshet.streaming.api.windowing.triggers;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.streaming.api.windowing.windows.Window;

/** Fires every {@code maxCount} elements of a window (counting restarts after each firing). */
public class CountTrigger<W extends Window> extends Trigger<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final ValueStateDescriptor<Long> countDescriptor = new ValueStateDescriptor<>("count", Long.class);

    private CountTrigger(long maxCount) {
        if (maxCount < 1) {
            throw new IllegalArgumentException("CountTrigger.of needs a count of at least 1, not " + maxCount);
        }
        this.maxCount = maxCount;
    }

    public static <W extends Window> CountTrigger<W> of(long maxCount) {
        return new CountTrigger<>(maxCount);
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<Long> count = ctx.getPartitionedState(countDescriptor);
        long next = (count.value() == null ? 0 : count.value()) + 1;
        if (next >= maxCount) {
            count.clear();
            return TriggerResult.FIRE;
        }
        count.update(next);
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ctx.getPartitionedState(countDescriptor).clear();
    }

    @Override
    public String toString() {
        return "CountTrigger(" + maxCount + ")";
    }
}
