package io.freshet.runtime.checkpoint;

import io.freshet.runtime.event.RuntimeEvent;

/**
 * Marks, in every channel of a stream, where checkpoint {@code id} cuts it: the records before the barrier are in the
 * checkpoint's state, the ones after are not. Sources emit barriers when the CheckpointCoordinator triggers them; a
 * task snapshots its state when the barrier has arrived on all its inputs and sends it on.
 */
public final class CheckpointBarrier extends RuntimeEvent {

    /** How the tasks treat the barrier (see docs/internals/runtime.md, "Unaligned checkpoints"). */
    public enum Alignment {
        /** Aligned at every input: savepoints, and checkpoints when unaligned checkpoints are off. */
        ALIGNED,
        /**
         * Aligned, but a task whose alignment has lasted {@code execution.checkpointing.aligned-checkpoint-timeout}
         * since the checkpoint started takes it unaligned and sends it on as {@link #UNALIGNED}.
         */
        ALIGNED_WITH_TIMEOUT,
        /**
         * A priority event: it overtakes the buffers queued in front of it (the producer keeps what it overtook in
         * its output, the consumer what it overtook in its input), and a task takes its snapshot at the first one.
         */
        UNALIGNED
    }

    private static final Alignment[] ALIGNMENTS = Alignment.values();

    private final long id;
    private final long timestamp;
    private final Alignment alignment;
    private final CheckpointType type;

    public CheckpointBarrier(long id, long timestamp) {
        this(id, timestamp, Alignment.ALIGNED);
    }

    public CheckpointBarrier(long id, long timestamp, Alignment alignment) {
        this(id, timestamp, alignment, CheckpointType.CHECKPOINT);
    }

    /** @param type a savepoint's state goes whole into the savepoint's metadata; a stop's also ends the job */
    public CheckpointBarrier(long id, long timestamp, Alignment alignment, CheckpointType type) {
        this.id = id;
        this.timestamp = timestamp;
        this.alignment = java.util.Objects.requireNonNull(alignment);
        this.type = java.util.Objects.requireNonNull(type);
        if (type.isSavepoint() && alignment != Alignment.ALIGNED) {
            throw new IllegalArgumentException("savepoints are always aligned");
        }
    }

    public CheckpointType getType() {
        return type;
    }

    /** Whether this is a savepoint's barrier (tasks then keep no state files of their own). */
    public boolean isSavepoint() {
        return type.isSavepoint();
    }

    /** The alignment of ordinal {@code ordinal} (as written by the event serializer). */
    public static Alignment alignmentOf(int ordinal) {
        if (ordinal < 0 || ordinal >= ALIGNMENTS.length) {
            throw new IllegalArgumentException("unknown barrier alignment " + ordinal);
        }
        return ALIGNMENTS[ordinal];
    }

    public Alignment getAlignment() {
        return alignment;
    }

    /** True for a priority barrier that overtakes queued buffers. */
    public boolean isUnaligned() {
        return alignment == Alignment.UNALIGNED;
    }

    /** This barrier with another alignment. */
    public CheckpointBarrier withAlignment(Alignment newAlignment) {
        return newAlignment == alignment ? this : new CheckpointBarrier(id, timestamp, newAlignment, type);
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
                && ((CheckpointBarrier) o).timestamp == timestamp && ((CheckpointBarrier) o).alignment == alignment && ((CheckpointBarrier) o).type == type;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return (type == CheckpointType.CHECKPOINT ? "Checkpoint" : type.toString()) + "Barrier " + id + " @ " + timestamp
                + (alignment == Alignment.ALIGNED ? "" : " " + alignment);
    }
}
