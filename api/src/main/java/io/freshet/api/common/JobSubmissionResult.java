package io.freshet.api.common;

import java.util.Objects;

/** The answer to a job submission: the id of the submitted job. */
public class JobSubmissionResult {

    private final JobID jobID;

    public JobSubmissionResult(JobID jobID) {
        this.jobID = Objects.requireNonNull(jobID, "jobID");
    }

    public JobID getJobID() {
        return jobID;
    }

    /** True when this result also carries the job's execution result (the job ran to its end). */
    public boolean isJobExecutionResult() {
        return false;
    }

    /** This result as a {@link JobExecutionResult}; fails for a submission that has not ended. */
    public JobExecutionResult getJobExecutionResult() {
        throw new ClassCastException("This JobSubmissionResult of job " + jobID + " is no JobExecutionResult: the"
                + " job was submitted detached.");
    }
}
