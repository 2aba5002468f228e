package io.freshet.streaming.api.windowing.evictors;

import java.time.Duration;
import java.util.Iterator;

import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Keeps the elements of a window whose timestamps lie within {@code windowSize} of the newest one: an element
 * is evicted when its timestamp is at or below (newest timestamp - windowSize). Elements without timestamps
 * (processing time) are left alone.
 */
public class TimeEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long windowSize;
    private final boolean doEvictAfter;

    public TimeEvictor(long windowSize) {
        this(windowSize, false);
    }

    public TimeEvictor(long windowSize, boolean doEvictAfter) {
        if (windowSize < 0) {
            throw new IllegalArgumentException("TimeEvictor needs a window size of at least 0 ms, not " + windowSize
                    + " ms");
        }
        this.windowSize = windowSize;
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize.toMillis());
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMillis(), doEvictAfter);
    }

    @Deprecated
    public static <W extends Window> TimeEvictor<W> of(io.freshet.streaming.api.windowing.time.Time windowSize) {
        return new TimeEvictor<>(windowSize.toMilliseconds());
    }

    @Deprecated
    public static <W extends Window> TimeEvictor<W> of(io.freshet.streaming.api.windowing.time.Time windowSize,
            boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize.toMilliseconds(), doEvictAfter);
    }

    public long getWindowSize() {
        return windowSize;
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        boolean anyTimestamp = false;
        long newest = Long.MIN_VALUE;
        for (TimestampedValue<Object> element : elements) {
            if (element.hasTimestamp()) {
                anyTimestamp = true;
                newest = Math.max(newest, element.getTimestamp());
            }
        }
        if (!anyTimestamp) {
            return;
        }
        long cutoff = newest - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            TimestampedValue<Object> element = it.next();
            if (element.hasTimestamp() && element.getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + ")";
    }
}
