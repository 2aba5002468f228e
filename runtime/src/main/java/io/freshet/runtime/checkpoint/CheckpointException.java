package io.freshet.runtime.checkpoint;

/** A checkpoint could not be taken, completed or restored. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckpointException(String message) {
        super(message);
    }
}
