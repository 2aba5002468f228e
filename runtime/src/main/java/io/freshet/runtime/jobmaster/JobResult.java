package io.freshet.runtime.jobmaster;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.util.SerializedThrowable;

/** How a job ended: its final status, the failure (for FAILED) and how long it ran. */
public final class JobResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String jobName;
    private final JobStatus status;
    private final SerializedThrowable failureCause;
    private final long netRuntimeMillis;

    public JobResult(JobID jobId, String jobName, JobStatus status, Throwable failureCause, long netRuntimeMillis) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        if (!status.isTerminalState()) {
            throw new IllegalArgumentException("a job result needs a terminal status, not " + status);
        }
        this.status = status;
        this.failureCause = failureCause == null ? null : SerializedThrowable.of(failureCause);
        this.netRuntimeMillis = netRuntimeMillis;
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    public JobStatus getJobStatus() {
        return status;
    }

    public boolean isSuccess() {
        return status == JobStatus.FINISHED;
    }

    /** The failure of a FAILED job, else null. */
    public SerializedThrowable getFailureCause() {
        return failureCause;
    }

    public long getNetRuntimeMillis() {
        return netRuntimeMillis;
    }

    @Override
    public String toString() {
        return "JobResult(" + jobName + " (" + jobId + "), " + status + ", " + netRuntimeMillis + " ms"
                + (failureCause == null ? "" : ", " + failureCause) + ")";
    }
}
