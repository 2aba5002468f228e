package io.freshet.runtime.executiongraph;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.util.ExceptionUtils;

/**
 * A failure as operators see it in {@code /jobs/:jobid/exceptions}: the exception's class and stack trace (as text,
 * so no class of the job's code is needed to show it), when it happened, and, for a task failure, which task and
 * where it ran.
 */
public final class ErrorInfo implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String exceptionName;
    private final String stackTrace;
    private final long timestamp;
    private final String taskName;
    private final String location;
    private final String taskManagerId;

    /**
     * @param taskName {@code Name (i/n)} of the failed subtask, or null for a failure of the whole job
     * @param location {@code host:port} of the TaskExecutor it ran on, or null
     * @param taskManagerId the TaskExecutor's resource id, or null
     */
    public ErrorInfo(Throwable exception, long timestamp, String taskName, String location, String taskManagerId) {
        Objects.requireNonNull(exception, "exception");
        this.exceptionName = exception instanceof io.freshet.util.SerializedThrowable
                ? ((io.freshet.util.SerializedThrowable) exception).getOriginalClassName()
                : exception.getClass().getName();
        this.stackTrace = ExceptionUtils.stringifyException(exception);
        this.timestamp = timestamp;
        this.taskName = taskName;
        this.location = location;
        this.taskManagerId = taskManagerId;
    }

    /** A failure of the whole job (no task). */
    public static ErrorInfo ofJob(Throwable exception, long timestamp) {
        return new ErrorInfo(exception, timestamp, null, null, null);
    }

    public String getExceptionName() {
        return exceptionName;
    }

    /** The stack trace with its causes, as {@code printStackTrace} prints it. */
    public String getStackTrace() {
        return stackTrace;
    }

    public long getTimestamp() {
        return timestamp;
    }

    /** The failed subtask ({@code Name (i/n)}), or null. */
    public String getTaskName() {
        return taskName;
    }

    /** {@code host:port} of the failed subtask's TaskExecutor, or null. */
    public String getLocation() {
        return location;
    }

    /** The resource id of the failed subtask's TaskExecutor, or null. */
    public String getTaskManagerId() {
        return taskManagerId;
    }
}
