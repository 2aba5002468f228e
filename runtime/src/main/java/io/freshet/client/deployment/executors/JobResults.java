package io.freshet.client.deployment.executors;

import java.util.Map;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobStatus;
import io.freshet.runtime.client.JobExecutionException;
import io.freshet.runtime.jobmaster.JobResult;

/** Turns the runtime's {@link JobResult} into what a program sees: a result, or the job's failure. */
final class JobResults {

    private JobResults() {}

    static JobExecutionResult toExecutionResult(JobResult result, ClassLoader userCodeClassLoader)
            throws JobExecutionException {
        if (result.getJobStatus() == JobStatus.FINISHED) {
            return new JobExecutionResult(result.getJobId(), result.getNetRuntimeMillis(), Map.of());
        }
        if (result.getJobStatus() == JobStatus.CANCELED) {
            throw new JobExecutionException(result.getJobId(), "Job " + result.getJobId() + " ("
                    + result.getJobName() + ") was cancelled.");
        }
        Throwable cause = result.getFailureCause() == null ? null
                : result.getFailureCause().deserializeError(userCodeClassLoader);
        throw new JobExecutionException(result.getJobId(), "Job execution failed: job " + result.getJobId() + " ("
                + result.getJobName() + ") ended " + result.getJobStatus()
                + (cause == null ? "." : ": " + (cause.getMessage() != null ? cause.getMessage() : cause.toString())),
                cause);
    }
}
