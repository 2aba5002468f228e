package io.freshet.streaming.api.windowing.assigners;

import java.util.Collection;

import io.freshet.streaming.api.windowing.windows.Window;

/** An assigner whose windows can grow together (sessions): overlapping windows of a key merge into one. */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {

    private static final long serialVersionUID = 1L;

    /** Groups {@code windows} into sets that merge; each group reports its merged window. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives the merges. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
