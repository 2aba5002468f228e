package io.freshet.runtime.taskexecutor.exceptions;

/** A TaskExecutor could not do what it was asked; the message says why and about which job, slot or task. */
public class TaskManagerException extends Exception {

    private static final long serialVersionUID = 1L;

    public TaskManagerException(String message) {
        super(message);
    }

    public TaskManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
