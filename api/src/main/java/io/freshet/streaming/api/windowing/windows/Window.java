package io.freshet.streaming.api.windowing.windows;

/** A group of records a window function sees together; its {@link #maxTimestamp()} is the last time it covers. */
public abstract class Window {

    public abstract long maxTimestamp();
}
