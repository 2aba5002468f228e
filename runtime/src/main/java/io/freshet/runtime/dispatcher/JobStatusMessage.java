package io.freshet.runtime.dispatcher;

import java.io.Serializable;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;

/** One line of a job listing: id, name, status and start time, as `bin/flink list` prints them. */
public final class JobStatusMessage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String jobName;
    private final JobStatus jobState;
    private final long startTime;

    public JobStatusMessage(JobID jobId, String jobName, JobStatus jobState, long startTime) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.jobState = jobState;
        this.startTime = startTime;
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    public JobStatus getJobState() {
        return jobState;
    }

    public long getStartTime() {
        return startTime;
    }

    @Override
    public String toString() {
        return jobId + " : " + jobName + " (" + jobState + ")";
    }
}
