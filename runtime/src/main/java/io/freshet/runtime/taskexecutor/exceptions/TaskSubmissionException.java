package io.freshet.runtime.taskexecutor.exceptions;

/** A task could not be started: no JobMaster connection, a stale JobMaster, or no active slot of the job. */
public class TaskSubmissionException extends TaskManagerException {

    private static final long serialVersionUID = 1L;

    public TaskSubmissionException(String message) {
        super(message);
    }

    public TaskSubmissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
