package io.freshet.streaming.api.windowing.triggers;

import java.io.Serializable;

import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.streaming.api.windowing.windows.Window;

/**
 * Decides when a window emits: on each element, and on the timers it registers through its context. Timers are per
 * key and window; {@link #clear} removes what the trigger set for a window that is gone.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    /** Whether the trigger supports merging windows (session windows). */
    public boolean canMerge() {
        return false;
    }

    /** Windows were merged into {@code window}: re-register what the merged windows had. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows.");
    }

    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** The trigger's view of time and timers, scoped to the current key and window. */
    public interface TriggerContext {

        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        /** State of the trigger for the current key and window. */
        <S> ValueState<S> getPartitionedState(ValueStateDescriptor<S> stateDescriptor);
    }

    /** The context of {@link #onMerge}. */
    public interface OnMergeContext extends TriggerContext {}
}
