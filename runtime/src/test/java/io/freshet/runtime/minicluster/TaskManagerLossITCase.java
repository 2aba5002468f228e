package io.freshet.runtime.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobmaster.JobResult;

/** A TaskExecutor dies mid-job: its task is restarted on another TaskExecutor and the job still finishes. */
class TaskManagerLossITCase {

    @Test
    void tasksOfALostTaskExecutorAreRestartedElsewhere() throws Exception {
        Configuration configuration = MiniClusterITCase.clusterConfiguration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        try (MiniCluster cluster = MiniClusterITCase.startCluster(configuration, 2)) {
            String name = "lose-a-taskmanager";
            TestInvokables.STARTED.put(name, new CountDownLatch(2));
            TestInvokables.BlockingFirstAttempt.RELEASE.put(name, new CountDownLatch(1));
            JobGraph job = new JobGraph(null, name,
                    MiniClusterITCase.vertex(name, "worker", TestInvokables.BlockingFirstAttempt.class, 2));
            job.getJobConfiguration().setString("restart-strategy.type", "fixed-delay");
            job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", "5");
            job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "10 ms");
            cluster.submitJob(job).get();
            assertThat(TestInvokables.STARTED.get(name).await(30, TimeUnit.SECONDS)).isTrue();

            cluster.terminateTaskManager(0);
            cluster.startTaskManager();

            AtomicLong restarted = TestInvokables.BlockingFirstAttempt.LATER_ATTEMPTS_FINISHED
                    .computeIfAbsent(name, k -> new AtomicLong());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (restarted.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(restarted.get()).as("restarted attempts that finished").isEqualTo(1);
            TestInvokables.BlockingFirstAttempt.RELEASE.get(name).countDown();
            JobResult result = cluster.requestJobResult(job.getJobID()).get(60, TimeUnit.SECONDS);
            assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        }
    }
}
