package io.freshet.runtime.execution;

/** Thrown inside a task to end it as CANCELED rather than FAILED: the task was asked to stop. */
public class CancelTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelTaskException() {
        super();
    }

    public CancelTaskException(String message) {
        super(message);
    }

    public CancelTaskException(Throwable cause) {
        super(cause);
    }

    public CancelTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
