package io.freshet.streaming.api.windowing.assigners;

import java.io.Serializable;
import java.util.Collection;

import io.freshet.streaming.api.windowing.triggers.Trigger;
import io.freshet.streaming.api.windowing.windows.Window;

/** Puts each record into zero or more windows, and names the trigger those windows use by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** @param timestamp the record's timestamp (event-time assigners) or the current processing time */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    public abstract Trigger<T, W> getDefaultTrigger();

    /** Whether windows are over event time (records need timestamps) rather than processing time. */
    public abstract boolean isEventTime();

    /** What an assigner may ask when it assigns. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}
