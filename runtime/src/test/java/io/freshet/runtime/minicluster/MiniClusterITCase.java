package io.freshet.runtime.minicluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.HeartbeatManagerOptions;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.InvalidJobGraphException;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.runtime.executiongraph.IOMetrics;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;
import io.freshet.runtime.taskexecutor.TaskIOMetricsSnapshot;

/**
 * Jobs of test invokables on a MiniCluster of 2 TaskExecutors with 2 slots each, the components talking over the
 * Netty RPC transport and exchanging data through the Netty shuffle (local channels inside one TaskExecutor).
 */
class MiniClusterITCase {

    private static final int TASK_MANAGERS = 2;
    private static final int SLOTS_PER_TASK_MANAGER = 2;

    private static MiniCluster cluster;

    static Configuration clusterConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, SLOTS_PER_TASK_MANAGER);
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(2));
        return configuration;
    }

    static MiniCluster startCluster(Configuration configuration, int taskManagers) throws Exception {
        MiniCluster miniCluster = new MiniCluster(configuration, taskManagers, RpcSystem.netty(), resourceId -> {
            try {
                return NettyShuffleServiceEnvironment.create(configuration, resourceId, "localhost", 512);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        miniCluster.start();
        return miniCluster;
    }

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = startCluster(clusterConfiguration(), TASK_MANAGERS);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- jobs ----

    static JobVertex vertex(String job, String name, Class<?> invokable, int parallelism) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName(invokable.getName());
        vertex.setParallelism(parallelism);
        vertex.getConfiguration().setString("test.job", job);
        return vertex;
    }

    static JobGraph sourceToSink(String name, int parallelism, DistributionPattern pattern, ResultPartitionType type,
            String partitioner, long records) {
        JobVertex source = vertex(name, "source", TestInvokables.NumberSource.class, parallelism);
        source.getConfiguration().setString(TestInvokables.RECORDS, String.valueOf(records));
        source.getConfiguration().setString(TestInvokables.PARTITIONER, partitioner);
        JobVertex sink = vertex(name, "sink", TestInvokables.SummingSink.class, parallelism);
        sink.connectNewDataSetAsInput(source, pattern, type);
        shareSlots(source, sink);
        return new JobGraph(null, name, source, sink);
    }

    /** Puts the vertices in one slot sharing group: a job then needs as many slots as its widest vertex. */
    static void shareSlots(JobVertex... vertices) {
        SlotSharingGroup group = new SlotSharingGroup();
        for (JobVertex vertex : vertices) {
            vertex.setSlotSharingGroup(group);
        }
    }

    private static long[] results(String job) {
        return TestInvokables.SINK_RESULTS.get(job);
    }

    private static long expectedSum(long records) {
        return records * (records - 1) / 2;
    }

    // ---- tests ----

    @Test
    void pipelinedAllToAllExchangeDeliversEveryRecordOnce() throws Exception {
        JobResult result = cluster.executeJobBlocking(sourceToSink("pipelined-rebalance", 4,
                DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED, "rebalance", 100_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("pipelined-rebalance")).containsExactly(4 * 100_000L, 4 * expectedSum(100_000));
    }

    @Test
    void blockingExchangeRunsTheConsumersAfterTheProducers() throws Exception {
        JobResult result = cluster.executeJobBlocking(sourceToSink("blocking", 2, DistributionPattern.ALL_TO_ALL,
                ResultPartitionType.BLOCKING, "rebalance", 50_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("blocking")).containsExactly(2 * 50_000L, 2 * expectedSum(50_000));
    }

    @Test
    void blockingPartitionsAreReleasedWhenTheJobEnds() throws Exception {
        JobResult result = cluster.executeJobBlocking(sourceToSink("blocking-release", 2,
                DistributionPattern.ALL_TO_ALL, ResultPartitionType.BLOCKING, "rebalance", 1000));
        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FINISHED);

        // well before the heartbeat timeout (2 s): the JobMaster tells its TaskExecutors the job is over
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000);
        while (registeredPartitions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(registeredPartitions()).isZero();
    }

    private static int registeredPartitions() {
        int partitions = 0;
        for (int i = 0; i < cluster.getNumberOfTaskManagers(); i++) {
            partitions += ((NettyShuffleServiceEnvironment) cluster.getShuffleEnvironment(i)).getNetworkEnvironment()
                    .getResultPartitionManager().getNumberOfRegisteredPartitions();
        }
        return partitions;
    }

    @Test
    void jobWhoseJobMasterCannotStartFailsWithTheReason() throws Exception {
        JobGraph job = new JobGraph(null, "bad-strategy", vertex("bad-strategy", "v", TestInvokables.FailingOnce.class, 1));
        job.getJobConfiguration().setString("restart-strategy.type", "bogus");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(result.getFailureCause()).hasMessageContaining("restart-strategy.type").hasMessageContaining("bogus");
    }

    @Test
    void broadcastDeliversEveryRecordToEveryConsumer() throws Exception {
        JobResult result = cluster.executeJobBlocking(sourceToSink("broadcast", 2, DistributionPattern.ALL_TO_ALL,
                ResultPartitionType.PIPELINED, "broadcast", 10_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("broadcast")).containsExactly(2 * 2 * 10_000L, 2 * 2 * expectedSum(10_000));
    }

    @Test
    void pointwiseForwardKeepsRecordsInTheirSubtask() throws Exception {
        JobResult result = cluster.executeJobBlocking(sourceToSink("forward", 4, DistributionPattern.POINTWISE,
                ResultPartitionType.PIPELINED, "forward", 10_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("forward")).containsExactly(4 * 10_000L, 4 * expectedSum(10_000));
    }

    static JobGraph routedJob(String name, String routing, int sources, int sinks, DistributionPattern pattern,
            long records) {
        JobVertex source = vertex(name, "source", TestInvokables.NumberSource.class, sources);
        source.getConfiguration().setString(TestInvokables.RECORDS, String.valueOf(records));
        source.getConfiguration().setString(TestInvokables.PARTITIONER, routing);
        source.getConfiguration().setString(TestInvokables.TAG_SUBTASK, "true");
        JobVertex sink = vertex(name, "sink", TestInvokables.RoutingCheckingSink.class, sinks);
        sink.getConfiguration().setString(TestInvokables.ROUTING, routing);
        sink.connectNewDataSetAsInput(source, pattern, ResultPartitionType.PIPELINED);
        shareSlots(source, sink);
        return new JobGraph(null, name, source, sink);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hash", "custom"})
    void keyedPartitionersSendEveryKeyToTheSubtaskThatOwnsIt(String routing) throws Exception {
        String name = "routed-" + routing;
        JobResult result = cluster.executeJobBlocking(routedJob(name, routing, 2, 4, DistributionPattern.ALL_TO_ALL,
                10_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results(name)).containsExactly(2 * 10_000L, 2 * expectedSum(10_000));
        // every subtask owns some keys: the sink's check saw real traffic on each of them
        assertThat(java.util.Arrays.stream(TestInvokables.PER_SUBTASK_COUNTS.get(name))).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    void globalPartitionerSendsEverythingToTheFirstSubtask() throws Exception {
        JobResult result = cluster.executeJobBlocking(routedJob("routed-global", "global", 2, 3,
                DistributionPattern.ALL_TO_ALL, 5_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(TestInvokables.PER_SUBTASK_COUNTS.get("routed-global")).containsExactly(2 * 5_000L, 0L, 0L);
    }

    @Test
    void rescaleSpreadsEachProducerOverItsOwnConsumers() throws Exception {
        JobResult result = cluster.executeJobBlocking(routedJob("routed-rescale", "rescale", 2, 4,
                DistributionPattern.POINTWISE, 10_000));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        // round robin over the two consumers of each producer
        assertThat(TestInvokables.PER_SUBTASK_COUNTS.get("routed-rescale")).containsExactly(5_000L, 5_000L, 5_000L,
                5_000L);
    }

    @Test
    void regionFailoverRestartsOnlyTheFailedRegion() throws Exception {
        String name = "region-failover";
        TestInvokables.STARTED.put(name, new CountDownLatch(1));
        TestInvokables.BlockingFirstAttempt.RELEASE.put(name, new CountDownLatch(1));
        JobVertex probe = vertex(name, "probe", TestInvokables.RegionProbe.class, 2);
        probe.getConfiguration().setString(TestInvokables.RECORDS, "1000");
        JobVertex sink = vertex(name, "sink", TestInvokables.SummingSink.class, 2);
        sink.connectNewDataSetAsInput(probe, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);
        shareSlots(probe, sink);
        JobGraph job = new JobGraph(null, name, probe, sink);
        job.getJobConfiguration().setString("restart-strategy.type", "fixed-delay");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", "1");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "10 ms");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        // subtask 1's region ran once, through subtask 0's failure and restart
        assertThat(TestInvokables.ATTEMPTS.get(name)).containsExactlyInAnyOrder("0#0", "0#1", "1#0");
        // both regions' sinks got all records, the restarted one from the new attempt only
        assertThat(results(name)).containsExactly(2 * 1000L, 2 * expectedSum(1000));
    }

    @Test
    void idleAndBackpressuredTimeOfEachTaskAreVisibleWhileItRuns() throws Exception {
        String name = "backpressure";
        TestInvokables.SOURCE_GO.put(name, new CountDownLatch(1));
        TestInvokables.SINK_GO.put(name, new CountDownLatch(1));
        JobVertex source = vertex(name, "gated-source", TestInvokables.GatedSource.class, 1);
        source.getConfiguration().setString(TestInvokables.RECORDS, "1000000");
        JobVertex sink = vertex(name, "gated-sink", TestInvokables.GatedSink.class, 1);
        // bounded, as streaming exchanges are: a slow consumer holds the producer back
        sink.connectNewDataSetAsInput(source, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED_BOUNDED);
        shareSlots(source, sink);
        JobGraph job = new JobGraph(null, name, source, sink);
        cluster.submitJob(job).get();

        try {
            // the source holds back: the sink waits for input
            IOMetrics sinkWaiting = awaitTaskMetrics(job, "gated-sink",
                    metrics -> metrics.getAccumulateIdleTime() >= 200);
            assertThat(sinkWaiting.getAccumulateBackPressuredTime()).as("the sink has no output").isZero();

            // the source emits, the sink stalls after its first record: the source waits for buffers
            TestInvokables.SOURCE_GO.get(name).countDown();
            IOMetrics sourceStalled = awaitTaskMetrics(job, "gated-source",
                    metrics -> metrics.getAccumulateBackPressuredTime() >= 200);
            assertThat(sourceStalled.getAccumulateIdleTime()).as("the source has no input").isZero();
            assertThat(sourceStalled.getBackPressuredTimeMsPerSecond()).isPositive();
        } finally {
            // on failure too: let the job end instead of holding its slots
            TestInvokables.SOURCE_GO.get(name).countDown();
            TestInvokables.SINK_GO.get(name).countDown();
        }
        JobResult result = cluster.requestJobResult(job.getJobID()).get(60, TimeUnit.SECONDS);
        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results(name)).containsExactly(1_000_000L, expectedSum(1_000_000));
    }

    /** Polls every TaskExecutor until the job's task named {@code taskName} has metrics matching {@code until}. */
    private static IOMetrics awaitTaskMetrics(JobGraph job, String taskName,
            java.util.function.Predicate<IOMetrics> until) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOMetrics last = null;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < cluster.getNumberOfTaskManagers(); i++) {
                for (TaskIOMetricsSnapshot task : cluster.getTaskExecutorGateway(i)
                        .requestTaskIOMetrics(job.getJobID(), Duration.ofSeconds(10)).get()) {
                    if (task.getTaskNameWithSubtask().startsWith(taskName)) {
                        last = task.getIOMetrics();
                        if (until.test(last)) {
                            return last;
                        }
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out waiting for the metrics of " + taskName + "; last seen: " + last);
    }

    @Test
    void recordsLargerThanABufferArriveWhole() throws Exception {
        JobVertex source = vertex("big", "source", TestInvokables.BigRecordSource.class, 2);
        source.getConfiguration().setString(TestInvokables.RECORDS, "20");
        source.getConfiguration().setString(TestInvokables.RECORD_BYTES, "100000");
        JobVertex sink = vertex("big", "sink", TestInvokables.CheckingBytesSink.class, 2);
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED);
        shareSlots(source, sink);

        JobResult result = cluster.executeJobBlocking(new JobGraph(null, "big", source, sink));

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("big")).containsExactly(40L, 40L * 100_000);
    }

    @Test
    void failingTaskIsRestartedUnderFixedDelay() throws Exception {
        JobVertex vertex = vertex("restarts", "flaky", TestInvokables.FailingOnce.class, 2);
        JobGraph job = new JobGraph(null, "restarts", vertex);
        job.getJobConfiguration().setString("restart-strategy.type", "fixed-delay");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", "3");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "10 ms");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"fixed-delay", "exponential-delay", "failure-rate"})
    void failingTaskIsRestartedUnderEachRestartStrategy(String strategy) throws Exception {
        String name = "restarts-" + strategy;
        JobGraph job = new JobGraph(null, name, vertex(name, "flaky", TestInvokables.FailingOnce.class, 2));
        job.getJobConfiguration().setString("restart-strategy.type", strategy);
        // two subtasks fail once each: two restarts (the defaults allow one for fixed-delay and failure-rate)
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", "2");
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "10 ms");
        job.getJobConfiguration().setString("restart-strategy.failure-rate.max-failures-per-interval", "2");
        job.getJobConfiguration().setString("restart-strategy.exponential-delay.initial-backoff", "10 ms");
        job.getJobConfiguration().setString("restart-strategy.failure-rate.delay", "10 ms");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void jobWaitsForSlotsUntilAnotherJobFreesThem() throws Exception {
        String first = "holds-all-slots";
        TestInvokables.STARTED.put(first, new CountDownLatch(TASK_MANAGERS * SLOTS_PER_TASK_MANAGER));
        TestInvokables.BlockingFirstAttempt.RELEASE.put(first, new CountDownLatch(1));
        JobGraph holder = new JobGraph(null, first, vertex(first, "holder", TestInvokables.BlockingFirstAttempt.class,
                TASK_MANAGERS * SLOTS_PER_TASK_MANAGER));
        cluster.submitJob(holder).get();
        assertThat(TestInvokables.STARTED.get(first).await(30, TimeUnit.SECONDS)).isTrue();

        JobGraph waiting = sourceToSink("waits-for-slots", 2, DistributionPattern.ALL_TO_ALL,
                ResultPartitionType.PIPELINED, "rebalance", 1000);
        cluster.submitJob(waiting).get();
        assertThat(cluster.getJobStatus(waiting.getJobID()).get()).isEqualTo(JobStatus.RUNNING);
        assertThat(results("waits-for-slots")).isNull();

        TestInvokables.BlockingFirstAttempt.RELEASE.get(first).countDown();

        assertThat(cluster.requestJobResult(holder.getJobID()).get(30, TimeUnit.SECONDS).getJobStatus())
                .isEqualTo(JobStatus.FINISHED);
        JobResult result = cluster.requestJobResult(waiting.getJobID()).get(60, TimeUnit.SECONDS);
        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
        assertThat(results("waits-for-slots")).containsExactly(2 * 1000L, 2 * expectedSum(1000));
    }

    @Test
    void jobWithoutRestartsFailsWithTheTaskFailure() throws Exception {
        JobGraph job = new JobGraph(null, "failing", vertex("failing", "bad", TestInvokables.AlwaysFailing.class, 1));
        job.getJobConfiguration().setString("restart-strategy.type", "none");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(result.getFailureCause()).hasMessageContaining("bad record 17");
    }

    @Test
    void missingInvokableClassFailsTheJobNamingTheClass() throws Exception {
        JobVertex vertex = new JobVertex("ghost");
        vertex.setInvokableClassName("com.example.DoesNotExist");
        vertex.setParallelism(1);
        JobGraph job = new JobGraph(null, "ghost", vertex);
        job.getJobConfiguration().setString("restart-strategy.type", "none");

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(result.getFailureCause()).hasMessageContaining("com.example.DoesNotExist");
    }

    @Test
    void runningJobIsCancelled() throws Exception {
        TestInvokables.STARTED.put("cancel", new CountDownLatch(2));
        JobGraph job = new JobGraph(null, "cancel",
                vertex("cancel", "blocking", TestInvokables.BlockingUntilCancelled.class, 2));
        cluster.submitJob(job).get();
        assertThat(TestInvokables.STARTED.get("cancel").await(30, TimeUnit.SECONDS)).isTrue();

        cluster.cancelJob(job.getJobID()).get();

        assertThat(cluster.requestJobResult(job.getJobID()).get(30, TimeUnit.SECONDS).getJobStatus())
                .isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void invalidGraphIsRejectedAndTheClusterKeepsServing() throws Exception {
        JobVertex a = vertex("cycle", "a", TestInvokables.NumberSource.class, 1);
        JobVertex b = vertex("cycle", "b", TestInvokables.SummingSink.class, 1);
        b.connectNewDataSetAsInput(a, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);
        a.connectNewDataSetAsInput(b, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);

        assertThatThrownBy(() -> cluster.submitJob(new JobGraph(null, "cycle", a, b)).get())
                .hasCauseInstanceOf(InvalidJobGraphException.class)
                .hasMessageContaining("cycle");
        JobResult next = cluster.executeJobBlocking(sourceToSink("after-cycle", 1, DistributionPattern.POINTWISE,
                ResultPartitionType.PIPELINED, "forward", 10));
        assertThat(next.getJobStatus()).isEqualTo(JobStatus.FINISHED);
    }

    @Test
    void jobNeedingMoreSlotsThanExistFailsNamingTheMissingSlots() throws Exception {
        // one pipelined region that needs one slot more than the cluster has
        JobGraph job = sourceToSink("too-wide", TASK_MANAGERS * SLOTS_PER_TASK_MANAGER + 1,
                DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED, "rebalance", 10);
        job.getJobConfiguration().setString("restart-strategy.type", "none");
        job.getJobConfiguration().set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, Duration.ofSeconds(2));

        JobResult result = cluster.executeJobBlocking(job);

        assertThat(result.getJobStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(result.getFailureCause()).hasMessageContaining("slot.request.timeout").hasMessageContaining("missing");
    }
}
