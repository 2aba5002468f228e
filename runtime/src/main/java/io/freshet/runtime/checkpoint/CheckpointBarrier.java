package io.freshet.runtime.checkpoint;

import io.freshet.runtime.event.RuntimeEvent;

/**
 * Marks, in every channel of a stream, where checkpoint {@code id} cuts it: the records before the barrier are in the
 * checkpoint's state, the ones after are not. Sources emit barriers when the CheckpointCoordinator triggers them; a
 * task snapshots its state when the barrier has arrived on all its inputs and sends it on.
 */
public final class CheckpointBarrier extends RuntimeEvent {

    private final long id;
    private final long timestamp;

    public CheckpointBarrier(long id, long timestamp) {
        this.id = id;
        this.timestamp = timestamp;
    }

    public long getId() {
        return id;
    }

    public long getTimestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointBarrier && ((CheckpointBarrier) o).id == id
                && ((CheckpointBarrier) o).timestamp == timestamp;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "CheckpointBarrier " + id + " @ " + timestamp;
    }
}
