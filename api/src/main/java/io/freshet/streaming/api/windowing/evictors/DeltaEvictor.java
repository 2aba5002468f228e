package io.freshet.streaming.api.windowing.evictors;

import java.util.Iterator;
import java.util.Objects;

import io.freshet.streaming.api.functions.windowing.delta.DeltaFunction;
import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Evicts the elements of a window whose delta to the window's last element is at least {@code threshold}
 * ({@code deltaFunction.getDelta(element, last) >= threshold}).
 */
public class DeltaEvictor<T, W extends Window> implements Evictor<T, W> {

    private static final long serialVersionUID = 1L;

    final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final boolean doEvictAfter;

    private DeltaEvictor(double threshold, DeltaFunction<T> deltaFunction, boolean doEvictAfter) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("DeltaEvictor.of needs a threshold that is a number, not NaN");
        }
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "the DeltaFunction of DeltaEvictor.of");
        this.threshold = threshold;
        this.doEvictAfter = doEvictAfter;
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaEvictor<>(threshold, deltaFunction, false);
    }

    public static <T, W extends Window> DeltaEvictor<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
            boolean doEvictAfter) {
        return new DeltaEvictor<>(threshold, deltaFunction, doEvictAfter);
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window,
            EvictorContext evictorContext) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<T>> elements) {
        TimestampedValue<T> last = null;
        for (TimestampedValue<T> element : elements) {
            last = element;
        }
        if (last == null) {
            return;
        }
        T reference = last.getValue();
        for (Iterator<TimestampedValue<T>> it = elements.iterator(); it.hasNext(); ) {
            if (deltaFunction.getDelta(it.next().getValue(), reference) >= threshold) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "DeltaEvictor(" + deltaFunction + ", " + threshold + ")";
    }
}
