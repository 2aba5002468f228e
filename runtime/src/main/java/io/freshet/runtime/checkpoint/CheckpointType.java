package io.freshet.runtime.checkpoint;

/** What a checkpoint is for; it travels with the trigger and in the barriers. */
public enum CheckpointType {
    /** A periodic (or requested) checkpoint: the job's own, for failover. */
    CHECKPOINT,
    /** A savepoint: the user's, self-contained, always aligned; the job goes on. */
    SAVEPOINT,
    /**
     * The savepoint of {@code bin/flink stop}: the sources emit nothing after its barrier and, once it is complete,
     * end without draining (no end-of-time watermark, operators not finished): the job ends FINISHED.
     */
    SAVEPOINT_SUSPEND,
    /**
     * The savepoint of {@code bin/flink stop --drain}: the sources emit the end-of-time watermark before the barrier
     * (every event-time timer fires first) and end once it is complete, draining the job as at the end of its input.
     */
    SAVEPOINT_TERMINATE;

    private static final CheckpointType[] TYPES = values();

    public boolean isSavepoint() {
        return this != CHECKPOINT;
    }

    /** Whether the job stops once this savepoint is complete. */
    public boolean isSynchronous() {
        return this == SAVEPOINT_SUSPEND || this == SAVEPOINT_TERMINATE;
    }

    public static CheckpointType of(int ordinal) {
        if (ordinal < 0 || ordinal >= TYPES.length) {
            throw new IllegalArgumentException("unknown checkpoint type " + ordinal);
        }
        return TYPES[ordinal];
    }
}
