package io.freshet.runtime.client;

import io.freshet.api.common.JobID;

/** A job that did not finish: it failed (the cause is the job's failure) or was cancelled. */
public class JobExecutionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobExecutionException(JobID jobId, String message) {
        this(jobId, message, null);
    }

    public JobID getJobID() {
        return jobId;
    }
}
