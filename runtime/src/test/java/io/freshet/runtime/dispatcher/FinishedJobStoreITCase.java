package io.freshet.runtime.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.minicluster.MiniCluster;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;

/**
 * The Dispatcher keeps finished jobs for {@code jobstore.expiration-time} and at most {@code jobstore.max-capacity}
 * of them; after that every query treats them as unknown.
 */
class FinishedJobStoreITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static MiniCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(JobManagerOptions.JOB_STORE_EXPIRATION_TIME, 2L);
        configuration.set(JobManagerOptions.JOB_STORE_MAX_CAPACITY, 2);
        cluster = new MiniCluster(configuration, 1, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 64);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        cluster.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void finishedJobsAreKeptUpToTheCapacityAndUntilTheyExpire() throws Exception {
        List<JobID> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JobVertex vertex = new JobVertex("noop");
            vertex.setInvokableClassName(Noop.class.getName());
            JobGraph job = new JobGraph(null, "finished-" + i, vertex);
            assertThat(cluster.executeJobBlocking(job).getJobStatus()).isEqualTo(JobStatus.FINISHED);
            jobs.add(job.getJobID());
        }
        DispatcherGateway dispatcher = cluster.getDispatcherGateway();

        assertThat(cluster.listJobs().get(10, TimeUnit.SECONDS)).extracting(JobStatusMessage::getJobId)
                .as("the oldest of three went beyond jobstore.max-capacity 2").containsExactly(jobs.get(1), jobs.get(2));
        assertThatThrownBy(() -> cluster.getJobStatus(jobs.get(0)).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(FlinkJobNotFoundException.class);
        assertThat(cluster.getJobStatus(jobs.get(2)).get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.FINISHED);
        assertThat(dispatcher.requestJob(jobs.get(2), TIMEOUT).get(10, TimeUnit.SECONDS).getState())
                .isEqualTo(JobStatus.FINISHED);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!dispatcher.requestJobs(TIMEOUT).get(10, TimeUnit.SECONDS).isEmpty()) {
            assertThat(System.nanoTime()).as("finished jobs expire after jobstore.expiration-time").isLessThan(deadline);
            Thread.sleep(100);
        }
        for (JobID job : jobs.subList(1, 3)) {
            assertThatThrownBy(() -> cluster.requestJobResult(job).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(FlinkJobNotFoundException.class);
            assertThatThrownBy(() -> dispatcher.requestJob(job, TIMEOUT).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(FlinkJobNotFoundException.class);
        }
    }

    /** Finishes at once. */
    public static final class Noop extends AbstractInvokable {
        public Noop(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() {}
    }
}
