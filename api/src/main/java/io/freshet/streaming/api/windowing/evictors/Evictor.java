package io.freshet.streaming.api.windowing.evictors;

import java.io.Serializable;

import io.freshet.streaming.api.windowing.windows.Window;
import io.freshet.streaming.runtime.operators.windowing.TimestampedValue;

/**
 * Removes elements from a window when it fires: {@link #evictBefore} runs before the window function sees the
 * elements, {@link #evictAfter} after it. An evictor removes elements through the iterator of {@code elements}
 * ({@code Iterator.remove()}); what it leaves stays in the window for its next firing.
 *
 * <p>A window with an evictor keeps all its elements (with their timestamps) until it fires, even under
 * {@code reduce} or {@code aggregate}, which then run over the elements left after {@link #evictBefore}.
 *
 * @param <T> the elements
 * @param <W> the windows
 */
public interface Evictor<T, W extends Window> extends Serializable {

    /** Evicts before the window function runs; {@code size} is the number of elements in the window. */
    void evictBefore(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** Evicts after the window function ran; {@code size} is the number of elements in the window. */
    void evictAfter(Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext evictorContext);

    /** What an evictor may ask: the times of the operator. */
    interface EvictorContext {

        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}
