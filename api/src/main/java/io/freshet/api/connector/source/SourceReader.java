package io.freshet.api.connector.source;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.state.CheckpointListener;
import io.freshet.core.io.InputStatus;

/**
 * Reads the splits assigned to one parallel instance of a source. Called from the task thread only: {@link #pollNext}
 * emits what is available without blocking, and {@link #isAvailable} completes when there may be more.
 */
public interface SourceReader<T, SplitT extends SourceSplit> extends AutoCloseable, CheckpointListener {

    void start();

    InputStatus pollNext(ReaderOutput<T> output) throws Exception;

    /** The splits this reader holds, with their progress, for checkpoint {@code checkpointId}. */
    List<SplitT> snapshotState(long checkpointId);

    CompletableFuture<Void> isAvailable();

    void addSplits(List<SplitT> splits);

    /** The enumerator will assign no more splits to this reader. */
    void notifyNoMoreSplits();

    default void handleSourceEvents(SourceEvent sourceEvent) {}

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    default void pauseOrResumeSplits(Collection<String> splitsToPause, Collection<String> splitsToResume) {
        throw new UnsupportedOperationException("This source reader does not support pausing or resuming splits.");
    }
}
