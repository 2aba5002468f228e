package io.freshet.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.HeartbeatManagerOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.minicluster.MiniCluster;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;

/**
 * A task whose final state report never reaches the JobMaster: the next heartbeats show that its TaskExecutor no
 * longer runs it, and the JobMaster fails it instead of waiting for it forever.
 */
class LostTaskReportITCase {

    @Test
    void theJobMasterFailsATaskItsTaskExecutorNoLongerKnows() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(5));
        TestInvokables.running = new CountDownLatch(1);
        TestInvokables.release = new CountDownLatch(1);
        try (MiniCluster cluster = new MiniCluster(configuration, 1, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 64);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            cluster.start();
            JobVertex vertex = new JobVertex("lost");
            vertex.setInvokableClassName(TestInvokables.InterruptIgnoringInvokable.class.getName());
            vertex.setParallelism(1);
            JobGraph job = new JobGraph(null, "lost report", vertex);
            cluster.submitJob(job).get(30, TimeUnit.SECONDS);
            assertThat(TestInvokables.running.await(30, TimeUnit.SECONDS)).isTrue();
            List<TaskIOMetricsSnapshot> tasks = cluster.getTaskExecutorGateway(0)
                    .requestTaskIOMetrics(job.getJobID(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            assertThat(tasks).hasSize(1);

            assertThat(cluster.getTaskExecutor(0).forgetTaskForTesting(tasks.get(0).getExecutionId())
                    .get(10, TimeUnit.SECONDS)).isTrue();

            JobResult result = cluster.requestJobResult(job.getJobID()).get(60, TimeUnit.SECONDS);
            assertThat(result.getJobStatus()).isEqualTo(JobStatus.FAILED);
            assertThat(result.getFailureCause()).isNotNull();
            assertThat(result.getFailureCause().getOriginalMessage()).contains("no longer runs lost");
        } finally {
            TestInvokables.release.countDown();
        }
    }

    @Test
    void aFinalStateReportArrivingAfterTheNextHeartbeatDoesNotFailTheTask() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(5));
        TestInvokables.running = new CountDownLatch(1);
        TestInvokables.release = new CountDownLatch(1);
        try (MiniCluster cluster = new MiniCluster(configuration, 1, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 64);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            cluster.start();
            JobVertex vertex = new JobVertex("slowly reported");
            vertex.setInvokableClassName(TestInvokables.InterruptIgnoringInvokable.class.getName());
            vertex.setParallelism(1);
            JobGraph job = new JobGraph(null, "slow final report", vertex);
            cluster.submitJob(job).get(30, TimeUnit.SECONDS);
            assertThat(TestInvokables.running.await(30, TimeUnit.SECONDS)).isTrue();
            // past the grace the JobMaster gives newly deployed tasks (2 s): a time, not a condition to wait for
            Thread.sleep(2_500);
            // several heartbeats pass between the task's end and the JobMaster's hearing of it
            cluster.getTaskExecutor(0).delayFinalStateReportsForTesting(Duration.ofMillis(1_000));

            TestInvokables.release.countDown();

            JobResult result = cluster.requestJobResult(job.getJobID()).get(60, TimeUnit.SECONDS);
            assertThat(result.getJobStatus()).as("failure: %s", result.getFailureCause())
                    .isEqualTo(JobStatus.FINISHED);
        } finally {
            TestInvokables.release.countDown();
        }
    }
}
