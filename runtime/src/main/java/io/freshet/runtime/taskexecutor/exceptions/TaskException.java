package io.freshet.runtime.taskexecutor.exceptions;

/** A call named a task this TaskExecutor does not run. */
public class TaskException extends TaskManagerException {

    private static final long serialVersionUID = 1L;

    public TaskException(String message) {
        super(message);
    }

    public TaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
