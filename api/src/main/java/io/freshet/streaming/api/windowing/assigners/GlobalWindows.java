package io.freshet.streaming.api.windowing.assigners;

import java.util.Collection;
import java.util.List;

import io.freshet.streaming.api.windowing.triggers.NeverTrigger;
import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.GlobalWindow;

/** One window per key for all its records; fires only with a trigger of the user's ({@code trigger(...)}). */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return (Trigger) new NeverTrigger();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }
}
