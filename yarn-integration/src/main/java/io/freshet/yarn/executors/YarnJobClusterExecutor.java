package io.freshet.yarn.executors;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.dag.Pipeline;
import io.freshet.client.deployment.executors.PipelineTranslation;
import io.freshet.client.deployment.executors.RemoteExecutor;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.core.execution.PipelineExecutorFactory;
import io.freshet.runtime.client.JobExecutionException;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.yarn.YarnClusterClient;
import io.freshet.yarn.YarnClusterDescriptor;

/**
 * The {@code yarn-per-job} target: deploys a YARN application that runs this one job and ends with it. Attached, the
 * job's result is the application's final status: SUCCEEDED is success, anything else fails with YARN's diagnostics
 * (the job's failure).
 */
public final class YarnJobClusterExecutor implements PipelineExecutor {

    public static final String NAME = "yarn-per-job";

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception {
        JobGraph jobGraph = PipelineTranslation.toJobGraph(pipeline, configuration, userCodeClassloader);
        YarnClusterDescriptor descriptor = YarnClusterDescriptor.fromEnvironment(configuration);
        try {
            YarnClusterClient cluster = descriptor.deployJobCluster(jobGraph);
            // what bin/flink prints, as Flink's client does
            System.out.println("YARN application id: " + cluster.getApplicationId());
            System.out.println("Found Web Interface " + cluster.getWebInterfaceAddress() + " of application '"
                    + cluster.getApplicationId() + "'.");
            return CompletableFuture.completedFuture(new YarnJobClient(descriptor, cluster, jobGraph.getJobID()));
        } catch (Exception e) {
            descriptor.close();
            throw e;
        }
    }

    /**
     * A per-job application's job: state, cancel, savepoints and stop through the application's REST endpoint (as
     * for any remote cluster), its result from YARN (the application ends with the job).
     */
    static final class YarnJobClient implements JobClient {
        private final YarnClusterDescriptor descriptor;
        private final YarnClusterClient cluster;
        private final JobID jobId;
        private final RemoteExecutor.RestJobClient rest;
        private CompletableFuture<JobExecutionResult> result;

        YarnJobClient(YarnClusterDescriptor descriptor, YarnClusterClient cluster, JobID jobId) {
            this.descriptor = descriptor;
            this.cluster = cluster;
            this.jobId = jobId;
            this.rest = new RemoteExecutor.RestJobClient(cluster.getRestClusterClient(), jobId);
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return rest.getJobStatus();
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return rest.cancel();
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return rest.triggerSavepoint(savepointDirectory);
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime,
                String savepointDirectory) {
            return rest.stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory);
        }

        @Override
        public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            if (result == null) {
                result = CompletableFuture.supplyAsync(this::awaitApplicationEnd, task -> {
                    Thread poller = new Thread(task, "yarn-application-poller-" + cluster.getApplicationId());
                    poller.setDaemon(true);
                    poller.start();
                });
            }
            return result;
        }

        private JobExecutionResult awaitApplicationEnd() {
            try {
                long start = System.currentTimeMillis();
                while (true) {
                    ApplicationReport report = cluster.getApplicationReport();
                    YarnApplicationState state = report.getYarnApplicationState();
                    if (state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED
                            || state == YarnApplicationState.KILLED) {
                        if (report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED) {
                            return new JobExecutionResult(jobId, System.currentTimeMillis() - start, Map.of());
                        }
                        throw new JobExecutionException(jobId, "Job execution failed: the YARN application "
                                + cluster.getApplicationId() + " of job " + jobId + " ended with final status "
                                + report.getFinalApplicationStatus() + ": " + report.getDiagnostics().trim());
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            } finally {
                descriptor.close();
            }
        }
    }

    /** The factory behind {@code execution.target: yarn-per-job}. */
    public static final class Factory implements PipelineExecutorFactory {
        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return NAME.equalsIgnoreCase(configuration.getOptional(DeploymentOptions.TARGET).orElse(""));
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return new YarnJobClusterExecutor();
        }
    }
}
