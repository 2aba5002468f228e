package io.freshet.streaming.api.windowing.evictors;

import java.util.Iterator;

import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.TimestampedValue;

/** Keeps the last {@code maxCount} elements of a window (in arrival order), before or after the window function. */
public class CountEvictor<W extends Window> implements Evictor<Object, W> {

    private static final long serialVersionUID = 1L;

    private final long maxCount;
    private final boolean doEvictAfter;

    private CountEvictor(long maxCount, boolean doEvictAfter) {
        if (maxCount < 0) {
            throw new IllegalArgumentException("CountEvictor.of needs a count of at least 0 elements to keep, not "
                    + maxCount);
        }
        this.maxCount = maxCount;
        this.doEvictAfter = doEvictAfter;
    }

    /** Keeps the last {@code maxCount} elements; evicts before the window function. */
    public static <W extends Window> CountEvictor<W> of(long maxCount) {
        return new CountEvictor<>(maxCount, false);
    }

    /** Keeps the last {@code maxCount} elements; evicts after the window function if {@code doEvictAfter}. */
    public static <W extends Window> CountEvictor<W> of(long maxCount, boolean doEvictAfter) {
        return new CountEvictor<>(maxCount, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (!doEvictAfter) {
            evict(elements, size);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (doEvictAfter) {
            evict(elements, size);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements, int size) {
        long surplus = size - maxCount;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); surplus > 0 && it.hasNext(); surplus--) {
            it.next();
            it.remove();
        }
    }

    @Override
    public String toString() {
        return "CountEvictor(" + maxCount + ")";
    }
}
