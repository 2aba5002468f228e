package io.freshet.yarn.entrypoint;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobGraphSerializer;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.yarn.YarnConfigKeys;

/**
 * The ApplicationMaster of a per-job cluster ({@code bin/flink run -t yarn-per-job}): a JobManager that runs the
 * shipped JobGraph ({@value YarnConfigKeys#JOB_GRAPH_FILE}) and ends the application when the job ends: SUCCEEDED
 * when it finished, FAILED with the job's failure as YARN's diagnostics, KILLED when it was cancelled.
 */
public final class YarnJobClusterEntrypoint extends YarnClusterEntrypoint {

    /** How long the JobManager waits for the job's result: as long as the job runs. */
    private static final Duration JOB_RESULT_TIMEOUT = Duration.ofDays(365);

    public YarnJobClusterEntrypoint(Configuration configuration, YarnConfiguration yarnConfiguration,
            Map<String, String> environment) {
        super(configuration, yarnConfiguration, environment);
    }

    public static void main(String[] args) {
        YarnJobClusterEntrypoint entrypoint;
        try {
            entrypoint = new YarnJobClusterEntrypoint(loadConfiguration("YarnJobClusterEntrypoint", args),
                    loadYarnConfiguration(), System.getenv());
        } catch (Throwable t) {
            LOG.error("Could not start the per-job cluster's ApplicationMaster.", t);
            System.err.println("Could not start the per-job cluster's ApplicationMaster: " + t);
            System.exit(FAILURE_EXIT_CODE);
            return;
        }
        runAndExit("per-job cluster's ApplicationMaster", entrypoint);
    }

    @Override
    protected void onStarted() throws Exception {
        JobGraph jobGraph = JobGraphSerializer.deserialize(Files.readAllBytes(
                new File(YarnConfigKeys.JOB_GRAPH_FILE).toPath()));
        DispatcherGateway dispatcher = getComponent().getDispatcherGateway();
        dispatcher.submitJob(jobGraph, Duration.ofMinutes(2)).get(2, TimeUnit.MINUTES);
        LOG.info("Submitted job {} ({}); the application ends with it.", jobGraph.getJobID(), jobGraph.getName());
        dispatcher.requestJobResult(jobGraph.getJobID(), JOB_RESULT_TIMEOUT).whenComplete((result, error) -> {
            // not on the Dispatcher's thread: the shutdown stops the Dispatcher and waits for it
            FinalApplicationStatus status = error == null ? finalStatus(result) : FinalApplicationStatus.FAILED;
            String diagnostics = error == null ? diagnostics(result)
                    : "The result of job " + jobGraph.getJobID() + " could not be obtained: " + error;
            new Thread(() -> shutDown(status, diagnostics), "yarn-job-cluster-shutdown").start();
        });
    }

    static FinalApplicationStatus finalStatus(JobResult result) {
        if (result.getJobStatus() == JobStatus.FINISHED) {
            return FinalApplicationStatus.SUCCEEDED;
        }
        return result.getJobStatus() == JobStatus.CANCELED ? FinalApplicationStatus.KILLED
                : FinalApplicationStatus.FAILED;
    }

    static String diagnostics(JobResult result) {
        String job = "Job " + result.getJobId() + " (" + result.getJobName() + ")";
        if (result.getJobStatus() == JobStatus.FINISHED) {
            return job + " finished.";
        }
        if (result.getJobStatus() == JobStatus.CANCELED) {
            return job + " was cancelled.";
        }
        if (result.getFailureCause() == null) {
            return job + " failed; no cause was recorded.";
        }
        Throwable failure = result.getFailureCause().deserializeError(YarnJobClusterEntrypoint.class.getClassLoader());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return job + " failed: " + failure + (root == failure ? "" : " Caused by: " + root);
    }
}
