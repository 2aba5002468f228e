package io.freshet.runtime.state;

import java.io.IOException;

/**
 * A state file of a checkpoint is damaged (truncated, changed, or gone): the restore that met it cannot go on. The
 * CheckpointCoordinator then restores an older retained checkpoint, if there is one.
 */
public final class CorruptedStateException extends IOException {

    private static final long serialVersionUID = 1L;

    public CorruptedStateException(String message) {
        super(message);
    }

    public CorruptedStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
