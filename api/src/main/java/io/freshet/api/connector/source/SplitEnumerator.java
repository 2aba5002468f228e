package io.freshet.api.connector.source;

import java.io.IOException;
import java.util.List;

import io.freshet.api.common.state.CheckpointListener;

/**
 * Discovers a source's splits and assigns them to readers. Runs on the JobManager, one per source and job, in a
 * thread of its own: every method is called from that thread.
 */
public interface SplitEnumerator<SplitT extends SourceSplit, CheckpointT> extends AutoCloseable, CheckpointListener {

    void start();

    /** Reader {@code subtaskId} asks for a split. */
    void handleSplitRequest(int subtaskId, String requesterHostname);

    /** Splits assigned to a reader that failed before a checkpoint covered them: assign them again. */
    void addSplitsBack(List<SplitT> splits, int subtaskId);

    /** Reader {@code subtaskId} registered (it started or restarted). */
    void addReader(int subtaskId);

    CheckpointT snapshotState(long checkpointId) throws Exception;

    @Override
    void close() throws IOException;

    @Override
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}

    default void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {}
}
