package io.freshet.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The result of a job that ran to its end: its net runtime and the final values of its accumulators. */
public class JobExecutionResult extends JobSubmissionResult {

    private final long netRuntime;
    private final Map<String, Object> accumulatorResults;

    /**
     * @param netRuntimeMillis the time from the job's start to its end, in milliseconds
     * @param accumulators the accumulators' final values by name
     */
    public JobExecutionResult(JobID jobID, long netRuntimeMillis, Map<String, Object> accumulators) {
        super(jobID);
        this.netRuntime = netRuntimeMillis;
        this.accumulatorResults = accumulators == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(accumulators));
    }

    @Override
    public boolean isJobExecutionResult() {
        return true;
    }

    @Override
    public JobExecutionResult getJobExecutionResult() {
        return this;
    }

    /** The job's runtime in milliseconds. */
    public long getNetRuntime() {
        return netRuntime;
    }

    public long getNetRuntime(TimeUnit desiredUnit) {
        return desiredUnit.convert(netRuntime, TimeUnit.MILLISECONDS);
    }

    /** The final value of the named accumulator, or null if the job had none by that name. */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String accumulatorName) {
        return (T) accumulatorResults.get(accumulatorName);
    }

    public Map<String, Object> getAllAccumulatorResults() {
        return accumulatorResults;
    }

    @Override
    public String toString() {
        return "Program execution finished\nJob with JobID " + getJobID() + " has finished.\nJob Runtime: "
                + netRuntime + " ms\n";
    }
}
