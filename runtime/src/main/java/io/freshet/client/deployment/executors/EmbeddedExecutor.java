package io.freshet.client.deployment.executors;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.core.execution.PipelineExecutorFactory;
import io.freshet.core.execution.PipelineExecutorServiceLoader;
import io.freshet.runtime.blob.BlobCache;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.util.FileUtils;

/**
 * Runs a program's jobs on the Dispatcher of the JobManager the program runs in: for programs started on the
 * JobManager itself ({@code POST /jars/:jarid/run}, later application mode). Every target name maps to it, so a
 * program's {@code execute()} always submits here; the ids of the submitted jobs are kept for the caller.
 */
public final class EmbeddedExecutor implements PipelineExecutor {

    public static final String NAME = "embedded";

    /** Waiting for a job's end is not bounded by the RPC timeout. */
    private static final Duration JOB_RESULT_WAIT = Duration.ofDays(365);

    private final DispatcherGateway dispatcher;
    private final Duration timeout;
    private final BlobServer blobServer;
    private final List<JobID> submittedJobs = new CopyOnWriteArrayList<>();

    /** @param blobServer takes the jobs' jars for the TaskExecutors, from submission until each job ends */
    public EmbeddedExecutor(DispatcherGateway dispatcher, Duration timeout, BlobServer blobServer) {
        this.dispatcher = dispatcher;
        this.timeout = timeout;
        this.blobServer = blobServer;
    }

    /** The jobs submitted through this executor, in submission order. */
    public List<JobID> getSubmittedJobs() {
        return List.copyOf(submittedJobs);
    }

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception {
        JobGraph jobGraph = PipelineTranslation.toJobGraph(pipeline, configuration, userCodeClassloader);
        JobID jobId = jobGraph.getJobID();
        List<String> jars = new ArrayList<>();
        try {
            for (String jar : jobGraph.getUserJars()) {
                jars.add(BlobCache.isBlobUrl(jar) ? jar : blobServer.putJar(jobId, FileUtils.localJarPath(jar)));
            }
        } catch (IOException e) {
            blobServer.cleanupJob(jobId);
            throw e;
        }
        jobGraph.setJars(jars);
        return dispatcher.submitJob(jobGraph, timeout).whenComplete((ack, failure) -> {
            if (failure != null) {
                blobServer.cleanupJob(jobId);
            } else {
                dispatcher.requestJobResult(jobId, JOB_RESULT_WAIT)
                        .whenComplete((result, error) -> blobServer.cleanupJob(jobId));
            }
        }).thenApply(ack -> {
            submittedJobs.add(jobId);
            return new DispatcherJobClient(jobId, userCodeClassloader);
        });
    }

    /** A loader that answers every {@code execution.target} with this executor. */
    public PipelineExecutorServiceLoader asServiceLoader() {
        PipelineExecutorFactory factory = new PipelineExecutorFactory() {
            @Override
            public String getName() {
                return NAME;
            }

            @Override
            public boolean isCompatibleWith(Configuration configuration) {
                return true;
            }

            @Override
            public PipelineExecutor getExecutor(Configuration configuration) {
                return EmbeddedExecutor.this;
            }
        };
        return new PipelineExecutorServiceLoader() {
            @Override
            public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
                return factory;
            }

            @Override
            public Stream<String> getExecutorNames() {
                return Stream.of(NAME);
            }
        };
    }

    private final class DispatcherJobClient implements JobClient {
        private final JobID jobId;
        private final ClassLoader userCodeClassLoader;

        DispatcherJobClient(JobID jobId, ClassLoader userCodeClassLoader) {
            this.jobId = jobId;
            this.userCodeClassLoader = userCodeClassLoader;
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return dispatcher.requestJobStatus(jobId, timeout);
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return dispatcher.triggerSavepoint(jobId, savepointDirectory, false, java.time.Duration.ofDays(1));
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime,
                String savepointDirectory) {
            return dispatcher.stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime,
                    java.time.Duration.ofDays(1));
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return dispatcher.cancelJob(jobId, timeout).thenApply(ack -> null);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return dispatcher.requestJobResult(jobId, JOB_RESULT_WAIT).thenApply(result -> {
                try {
                    return JobResults.toExecutionResult(result, userCodeClassLoader);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
    }
}
