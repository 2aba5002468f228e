package io.freshet.api.common;

import java.util.Objects;

/** The plain, immutable {@link JobInfo}. */
public class JobInfoImpl implements JobInfo {

    private final JobID jobId;
    private final String jobName;

    public JobInfoImpl(JobID jobId, String jobName) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
    }

    @Override
    public JobID getJobId() {
        return jobId;
    }

    @Override
    public String getJobName() {
        return jobName;
    }
}
