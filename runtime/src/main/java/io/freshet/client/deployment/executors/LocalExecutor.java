package io.freshet.client.deployment.executors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.runtime.io.network.buffer.NetworkBufferSizing;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.minicluster.MiniCluster;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;

/**
 * The {@code local} target: each job runs on a MiniCluster of its own inside the client's JVM, with one
 * TaskManager ({@code local.number-taskmanager}) of as many slots as the job's widest vertex (at least
 * {@code taskmanager.numberOfTaskSlots} when set); the cluster shuts down when the job ends.
 */
public final class LocalExecutor implements PipelineExecutor {

    public static final String NAME = "local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalExecutor.class);

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception {
        JobGraph jobGraph = PipelineTranslation.toJobGraph(pipeline, configuration, userCodeClassloader);
        Configuration clusterConfiguration = new Configuration(configuration);
        int slots = Math.max(1, jobGraph.getMaximumParallelism());
        if (configuration.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            slots = Math.max(slots, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
        }
        clusterConfiguration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        int buffers = Math.max(512, (int) (configuration.get(TaskManagerOptions.NETWORK_MEMORY_MIN).getBytes()
                / NetworkBufferSizing.segmentSize(configuration)));
        MiniCluster cluster = new MiniCluster(clusterConfiguration, 1, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(clusterConfiguration, resourceId, "localhost", buffers);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        LOG.info("Starting a local MiniCluster with {} slots for job {} ({}).", slots, jobGraph.getJobID(),
                jobGraph.getName());
        try {
            cluster.start();
            cluster.submitJob(jobGraph).get();
        } catch (Exception e) {
            closeQuietly(cluster);
            throw e;
        }
        return CompletableFuture.completedFuture(new MiniClusterJobClient(cluster, jobGraph.getJobID(),
                userCodeClassloader));
    }

    private static void closeQuietly(MiniCluster cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Could not shut down the local MiniCluster cleanly.", e);
        }
    }

    /** A job on a MiniCluster. */
    static final class MiniClusterJobClient implements JobClient {
        private final MiniCluster cluster;
        private final JobID jobId;
        private final CompletableFuture<JobExecutionResult> result;

        MiniClusterJobClient(MiniCluster cluster, JobID jobId, ClassLoader userCodeClassLoader) {
            this.cluster = cluster;
            this.jobId = jobId;
            // The job's result arrives on a thread of the cluster, which must not be the one to shut it down: the
            // cluster closes on a thread of its own, and the result is handed out once it is closed.
            this.result = cluster.requestJobResult(jobId).handleAsync((jobResult, failure) -> {
                closeQuietly(cluster);
                if (failure != null) {
                    throw new java.util.concurrent.CompletionException(failure);
                }
                try {
                    return JobResults.toExecutionResult(jobResult, userCodeClassLoader);
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, task -> {
                Thread shutdown = new Thread(task, "local-cluster-shutdown-" + jobId);
                shutdown.setDaemon(true);
                shutdown.start();
            });
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return cluster.getJobStatus(jobId);
        }

        @Override
        public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
            return cluster.getDispatcherGateway().triggerSavepoint(jobId, savepointDirectory, false,
                    java.time.Duration.ofDays(1));
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime,
                String savepointDirectory) {
            return cluster.getDispatcherGateway().stopWithSavepoint(jobId, savepointDirectory, advanceToEndOfEventTime,
                    java.time.Duration.ofDays(1));
        }

        @Override
        public CompletableFuture<Void> cancel() {
            return cluster.cancelJob(jobId).thenApply(ack -> null);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }
}
