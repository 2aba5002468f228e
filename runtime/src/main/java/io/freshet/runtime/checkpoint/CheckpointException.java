package io.freshet.runtime.checkpoint;

/**
 * A checkpoint could not be taken, completed or restored. Some reasons are part of normal operation (a task not
 * running yet, a barrier overtaken by a newer checkpoint's) and do not count against
 * {@code execution.checkpointing.tolerable-failed-checkpoints}.
 */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a checkpoint failed, as far as the failure count cares. */
    public enum Reason {
        /** The task is not (or no longer) running: starting, finishing, restarting. Not counted. */
        TASK_NOT_READY(false),
        /** A newer checkpoint's barrier arrived first. Not counted. */
        SUBSUMED(false),
        /** Anything else: a snapshot that failed, a timeout, storage that could not be written. Counted. */
        FAILURE(true);

        private final boolean counted;

        Reason(boolean counted) {
            this.counted = counted;
        }

        public boolean isCounted() {
            return counted;
        }
    }

    private final Reason reason;

    public CheckpointException(String message, Throwable cause) {
        this(message, Reason.FAILURE, cause);
    }

    public CheckpointException(String message) {
        this(message, Reason.FAILURE, null);
    }

    public CheckpointException(String message, Reason reason) {
        this(message, reason, null);
    }

    public CheckpointException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }

    /** Whether a decline with {@code cause} counts as a failed checkpoint. */
    public static boolean isCounted(Throwable cause) {
        return !(cause instanceof CheckpointException) || ((CheckpointException) cause).reason.isCounted();
    }
}
