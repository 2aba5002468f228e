package io.freshet.api.connector.source;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;

/** What an enumerator can do: see the readers, assign splits, send events, run work asynchronously. */
public interface SplitEnumeratorContext<SplitT extends SourceSplit> {

    void sendEventToSourceReader(int subtaskId, SourceEvent event);

    int currentParallelism();

    /** The readers registered now, by subtask. */
    Map<Integer, ReaderInfo> registeredReaders();

    void assignSplits(SplitsAssignment<SplitT> newSplitAssignments);

    default void assignSplit(SplitT split, int subtask) {
        assignSplits(new SplitsAssignment<>(split, subtask));
    }

    /** Tells reader {@code subtask} that it gets no more splits (a bounded reader then ends). */
    void signalNoMoreSplits(int subtask);

    /** Runs {@code callable} in a worker thread and hands its result to {@code handler} in the enumerator's thread. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler);

    /** {@link #callAsync} after {@code initialDelayMillis}, then every {@code periodMillis}. */
    <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis,
            long periodMillis);

    void runInCoordinatorThread(Runnable runnable);
}
