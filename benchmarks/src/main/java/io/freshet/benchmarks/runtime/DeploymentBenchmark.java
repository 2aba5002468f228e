package io.freshet.benchmarks.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.runtime.minicluster.MiniCluster;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;

/**
 * Whole-job measurements of the control plane on a warm MiniCluster (Netty RPC and Netty shuffle):
 * <ul>
 *   <li>submit-to-RUNNING latency of a two-vertex job (source → sink, pipelined, parallelism 1): from
 *       {@code submitJob} until both tasks are inside {@code invoke()};</li>
 *   <li>the time until all tasks of a 1,000-task job (500 → 500, pointwise, one slot sharing group) run.</li>
 * </ul>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.freshet.benchmarks.runtime.DeploymentBenchmark}
 */
public final class DeploymentBenchmark {

    static final Map<String, CountDownLatch> RUNNING = new ConcurrentHashMap<>();
    static final Map<String, CountDownLatch> RELEASE = new ConcurrentHashMap<>();

    private DeploymentBenchmark() {}

    /** Counts down its job's RUNNING latch, then waits for the release. */
    public static final class Waiting extends AbstractInvokable {
        public Waiting(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            String job = getTaskConfiguration().getString("bench.job", "?");
            RUNNING.get(job).countDown();
            RELEASE.get(job).await();
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Submit-to-RUNNING, two-vertex job, warm MiniCluster (1 TaskManager, 2 slots):");
        try (MiniCluster cluster = cluster(1, 2)) {
            for (int i = 0; i < 30; i++) {
                runOnce(cluster, "warmup-" + i, 1);
            }
            long[] millis = new long[50];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = runOnce(cluster, "measured-" + i, 1);
            }
            Arrays.sort(millis);
            System.out.printf("  %d runs: p50 %d ms, p90 %d ms, max %d ms%n", millis.length, millis[millis.length / 2],
                    millis[millis.length * 9 / 10], millis[millis.length - 1]);
        }
        System.out.println("1,000 tasks (500 -> 500 pointwise) until all RUNNING (10 TaskManagers x 50 slots):");
        try (MiniCluster cluster = cluster(10, 50)) {
            runOnce(cluster, "wide-warmup", 500);
            for (int i = 0; i < 3; i++) {
                System.out.printf("  run %d: %d ms%n", i + 1, runOnce(cluster, "wide-" + i, 500));
            }
        }
    }

    private static MiniCluster cluster(int taskManagers, int slots) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        MiniCluster cluster = new MiniCluster(configuration, taskManagers, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 4 * slots + 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        cluster.start();
        return cluster;
    }

    /** Submits a source → sink job of the given parallelism; returns ms until every task runs. */
    private static long runOnce(MiniCluster cluster, String name, int parallelism) throws Exception {
        RUNNING.put(name, new CountDownLatch(2 * parallelism));
        RELEASE.put(name, new CountDownLatch(1));
        JobVertex source = vertex(name, "source", parallelism);
        JobVertex sink = vertex(name, "sink", parallelism);
        sink.connectNewDataSetAsInput(source, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);
        SlotSharingGroup group = new SlotSharingGroup();
        source.setSlotSharingGroup(group);
        sink.setSlotSharingGroup(group);
        JobGraph job = new JobGraph(null, name, source, sink);

        long start = System.nanoTime();
        cluster.submitJob(job).get();
        if (!RUNNING.get(name).await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + ": not all tasks ran within 60 s");
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        RELEASE.get(name).countDown();
        JobStatus status = cluster.requestJobResult(job.getJobID()).get(60, TimeUnit.SECONDS).getJobStatus();
        if (status != JobStatus.FINISHED) {
            throw new IllegalStateException(name + " ended " + status);
        }
        return elapsed;
    }

    private static JobVertex vertex(String job, String name, int parallelism) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName(Waiting.class.getName());
        vertex.setParallelism(parallelism);
        vertex.getConfiguration().setString("bench.job", job);
        return vertex;
    }

}
