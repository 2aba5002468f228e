package io.freshet.runtime.state;

/** Which checkpoint a snapshot is taken for. */
public interface ManagedSnapshotContext {

    long getCheckpointId();

    long getCheckpointTimestamp();
}
