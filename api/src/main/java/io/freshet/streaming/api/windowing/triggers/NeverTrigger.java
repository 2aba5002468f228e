package io.freshet.streaming.api.windowing.triggers;

import io.freshet.streaming.api.windowing.windows.GlobalWindow;

/** Never fires: the default of {@code GlobalWindows}, which needs a trigger of the user's. */
public final class NeverTrigger extends Trigger<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public TriggerResult onElement(Object element, long timestamp, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, GlobalWindow window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(GlobalWindow window, TriggerContext ctx) {}
}
