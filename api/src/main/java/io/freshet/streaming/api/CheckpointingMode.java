package io.freshet.streaming.api;

/**
 * The consistency of checkpoints.
 *
 * @deprecated use {@link io.freshet.core.execution.CheckpointingMode}, as in Flink 1.20.
 */
@Deprecated
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE;

    /** The same mode in the new package. */
    public static io.freshet.core.execution.CheckpointingMode convertToCheckpointingMode(CheckpointingMode mode) {
        return mode == null ? null : io.freshet.core.execution.CheckpointingMode.valueOf(mode.name());
    }

    /** The same mode in the old package. */
    public static CheckpointingMode convertFromCheckpointingMode(io.freshet.core.execution.CheckpointingMode mode) {
        return mode == null ? null : CheckpointingMode.valueOf(mode.name());
    }
}
