package io.freshet.client.deployment.executors;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.core.execution.PipelineExecutorFactory;
import io.freshet.client.program.rest.RestClusterClient;
import io.freshet.runtime.client.JobExecutionException;
import io.freshet.runtime.jobgraph.JobGraph;

/**
 * The {@code remote} target: submits to a running session cluster through its REST endpoint
 * ({@code rest.address}:{@code rest.port}, {@code bin/flink run -m host:port}).
 */
public final class RemoteExecutor implements PipelineExecutor {

    public static final String NAME = "remote";

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception {
        JobGraph jobGraph = PipelineTranslation.toJobGraph(pipeline, configuration, userCodeClassloader);
        RestClusterClient client = new RestClusterClient(configuration);
        JobID jobId = client.submitJob(jobGraph);
        return CompletableFuture.completedFuture(new RestJobClient(client, jobId));
    }

    /**
     * A job on a remote cluster, watched through REST (polling its state until it ends); other executors whose
     * cluster has a REST endpoint (YARN) use it for everything but the job's result.
     */
    public static final class RestJobClient implements JobClient {
        private final RestClusterClient client;
        private final JobID jobId;
        private CompletableFuture<JobExecutionResult> result;

        public RestJobClient(RestClusterClient client, JobID jobId) {
            this.client = client;
            this.jobId = jobId;
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return client.getJobStatus(jobId);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return client.triggerSavepoint(jobId, savepointDirectory);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime,
                String savepointDirectory) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return client.stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return CompletableFuture.runAsync(() -> {
                try {
                    client.cancel(jobId);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            });
        }

        @Override
        public synchronized CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            if (result == null) {
                // polling sleeps: on a thread of its own, not in the common pool
                result = CompletableFuture.supplyAsync(this::awaitResult, task -> {
                    Thread poller = new Thread(task, "job-result-poller-" + jobId);
                    poller.setDaemon(true);
                    poller.start();
                });
            }
            return result;
        }

        private JobExecutionResult awaitResult() {
            try {
                long pause = 20;
                while (true) {
                    JsonNode details = client.jobDetails(jobId);
                    JobStatus state = JobStatus.valueOf(details.path("state").asText());
                    if (state == JobStatus.FINISHED) {
                        return new JobExecutionResult(jobId, details.path("duration").asLong(), Map.of());
                    }
                    if (state.isGloballyTerminalState()) {
                        String root = client.rootException(jobId);
                        throw new JobExecutionException(jobId, "Job execution failed: job " + jobId + " ("
                                + details.path("name").asText() + ") ended " + state
                                + (root == null ? "." : ": " + firstLine(root)));
                    }
                    Thread.sleep(pause);
                    pause = Math.min(1000, pause * 2);
                }
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }

        private static String firstLine(String text) {
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        }
    }

    /** The factory behind {@code execution.target: remote}. */
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
            return new RemoteExecutor();
        }
    }
}
