package io.freshet.runtime.dispatcher;

import io.freshet.api.common.JobID;

/** A job was submitted with the id of a job that runs or has recently finished. */
public class DuplicateJobSubmissionException extends Exception {

    private static final long serialVersionUID = 1L;

    public DuplicateJobSubmissionException(JobID jobId, boolean running) {
        super("Job " + jobId + " has already been submitted and " + (running ? "is still running" : "has finished")
                + "; submit it with a new job id.");
    }
}
