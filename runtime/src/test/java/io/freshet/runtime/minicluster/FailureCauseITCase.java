package io.freshet.runtime.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobStatus;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph;
import io.freshet.runtime.executiongraph.ErrorInfo;
import io.freshet.runtime.io.network.api.writer.ForwardPartitioner;
import io.freshet.runtime.io.network.api.writer.RecordWriter;
import io.freshet.runtime.io.network.buffer.BufferProvider;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.io.network.partition.consumer.RecordReader;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.tasks.AbstractInvokable;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.util.SerializedThrowable;

/**
 * One task of a pipeline fails while its partner writes or reads fast; the partner's reaction (a producer whose
 * consumer released the partition, a consumer whose producer failed) must not become the job's root cause nor count
 * as a failure of its own. The cluster has 2 TaskExecutors of 1 slot each: a producer and consumer that share a slot
 * exchange data through a local channel, two that do not run on different TaskExecutors and talk over Netty.
 *
 * <p>Which report reaches the JobMaster first is a race, so each case runs several jobs in a row.
 */
class FailureCauseITCase {

    private static final int RUNS = 10;
    private static final String FAILING_ATTEMPTS = "test.failing-attempts";
    private static final String FAIL_AFTER = "test.fail-after";

    private static MiniCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = MiniClusterITCase.clusterConfiguration();
        configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, 1);
        // Many short jobs in a row: now and then the ResourceManager hands a slot freed by a job that just ended back
        // to that job, and the slot waits for its timeout before it serves the next job.
        configuration.set(TaskManagerOptions.SLOT_TIMEOUT, Duration.ofMillis(500));
        cluster = MiniClusterITCase.startCluster(configuration, 2);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- tests ----

    @Test
    void failingConsumerIsTheRootCauseWhileItsLocalProducerWrites() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            JobGraph job = pipeline("consumer-fails-local-" + run, FastSource.class, FailingSink.class, true, "none", 1);

            JobResult result = cluster.executeJobBlocking(job);

            assertFailedWithInjectedFailure(result);
            assertOnlyFailed(job, "sink");
        }
    }

    @Test
    void failingConsumerIsTheRootCauseWhileItsRemoteProducerWrites() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            JobGraph job = pipeline("consumer-fails-remote-" + run, FastSource.class, FailingSink.class, false, "none", 1);

            JobResult result = cluster.executeJobBlocking(job);

            assertFailedWithInjectedFailure(result);
            assertOnlyFailed(job, "sink");
        }
    }

    @Test
    void failingProducerIsTheRootCauseWhileItsLocalConsumerReads() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            JobGraph job = pipeline("producer-fails-local-" + run, FailingSource.class, CountingSink.class, true, "none", 1);

            JobResult result = cluster.executeJobBlocking(job);

            assertFailedWithInjectedFailure(result);
            assertOnlyFailed(job, "source");
        }
    }

    @Test
    void failingProducerIsTheRootCauseWhileItsRemoteConsumerReads() throws Exception {
        for (int run = 0; run < RUNS; run++) {
            JobGraph job = pipeline("producer-fails-remote-" + run, FailingSource.class, CountingSink.class, false, "none", 1);

            JobResult result = cluster.executeJobBlocking(job);

            assertFailedWithInjectedFailure(result);
            assertOnlyFailed(job, "source");
        }
    }

    @Test
    void onlyInjectedFailuresCountAsRestarts() throws Exception {
        int injected = 3;
        for (boolean local : new boolean[] {true, false}) {
            for (Class<?> failing : List.of(FailingSink.class, FailingSource.class)) {
                boolean sinkFails = failing == FailingSink.class;
                String name = "restarts-" + (sinkFails ? "consumer" : "producer") + "-" + (local ? "local" : "remote");
                // more attempts than injected failures: a failure counted twice would still let the job finish
                JobGraph job = pipeline(name, sinkFails ? FastSource.class : FailingSource.class,
                        sinkFails ? FailingSink.class : CountingSink.class, local, "fixed-delay", injected);
                job.getJobConfiguration().setString("restart-strategy.fixed-delay.attempts", String.valueOf(
                        2 * injected));

                JobResult result = cluster.executeJobBlocking(job);

                assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FINISHED);
                assertThat(TestInvokables.SINK_RESULTS.get(name)).as(name).containsExactly(RECORDS,
                        RECORDS * (RECORDS - 1) / 2);
                List<ErrorInfo> failures = cluster.getDispatcherGateway()
                        .requestJob(job.getJobID(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS)
                        .getExceptionHistory();
                assertThat(failures).as(name).extracting(ErrorInfo::getExceptionName)
                        .containsExactly(InjectedFailure.class.getName(), InjectedFailure.class.getName(),
                                InjectedFailure.class.getName());
            }
        }
    }


    private static void assertFailedWithInjectedFailure(JobResult result) {
        assertThat(result.getJobStatus()).as("%s", result).isEqualTo(JobStatus.FAILED);
        SerializedThrowable cause = result.getFailureCause();
        assertThat(cause.getOriginalClassName()).as("the root cause %s", cause)
                .isEqualTo(InjectedFailure.class.getName());
        assertThat(cause.getOriginalMessage()).startsWith("injected failure in attempt 0");
    }

    /** The vertex named {@code failing} ended FAILED, every other one CANCELED: it did not fail on its own. */
    private static void assertOnlyFailed(JobGraph job, String failing) throws Exception {
        ArchivedExecutionGraph graph = cluster.getDispatcherGateway().requestJob(job.getJobID(),
                Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
        for (ArchivedExecutionGraph.ArchivedJobVertex vertex : graph.getVertices()) {
            assertThat(vertex.getAggregateState()).as("%s of %s", vertex.getName(), job.getName())
                    .isEqualTo(vertex.getName().equals(failing) ? ExecutionState.FAILED : ExecutionState.CANCELED);
        }
        assertThat(graph.getExceptionHistory()).hasSize(1);
    }

    // ---- jobs ----

    private static final long RECORDS = 200_000;

    /**
     * A source and a sink connected by a pipelined forward edge; the failing one fails in its first
     * {@code failingAttempts} attempts after a thousand records, while the other one is busy.
     */
    private static JobGraph pipeline(String name, Class<?> source, Class<?> sink, boolean shareSlot,
            String restartStrategy, int failingAttempts) {
        JobVertex producer = MiniClusterITCase.vertex(name, "source", source, 1);
        JobVertex consumer = MiniClusterITCase.vertex(name, "sink", sink, 1);
        for (JobVertex vertex : new JobVertex[] {producer, consumer}) {
            vertex.getConfiguration().setString(TestInvokables.RECORDS, String.valueOf(RECORDS));
            vertex.getConfiguration().setString(FAILING_ATTEMPTS, String.valueOf(failingAttempts));
            vertex.getConfiguration().setString(FAIL_AFTER, "1000");
        }
        consumer.connectNewDataSetAsInput(producer, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);
        if (shareSlot) {
            MiniClusterITCase.shareSlots(producer, consumer);
        }
        JobGraph job = new JobGraph(null, name, producer, consumer);
        job.getJobConfiguration().setString("restart-strategy.type", restartStrategy);
        job.getJobConfiguration().setString("restart-strategy.fixed-delay.delay", "10 ms");
        return job;
    }

    /** The failure the tests inject; nothing else may become the job's root cause. */
    public static final class InjectedFailure extends Exception {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }

    private static boolean failsNow(AbstractInvokable task, long records) {
        int attempt = task.getEnvironment().getTaskInfo().getAttemptNumber();
        int failingAttempts = Integer.parseInt(task.getTaskConfiguration().getString(FAILING_ATTEMPTS, "0"));
        long failAfter = Long.parseLong(task.getTaskConfiguration().getString(FAIL_AFTER, "1000"));
        return attempt < failingAttempts && records == failAfter;
    }

    private static InjectedFailure injected(AbstractInvokable task) {
        return new InjectedFailure("injected failure in attempt "
                + task.getEnvironment().getTaskInfo().getAttemptNumber() + " of "
                + task.getEnvironment().getTaskInfo().getTaskNameWithSubtasks());
    }

    private static RecordWriter<Long> writer(AbstractInvokable task) {
        return new RecordWriter<>(task.getEnvironment().getWriter(0),
                (BufferProvider) task.getEnvironment().getWriter(0), new ForwardPartitioner<>(),
                LongSerializer.INSTANCE);
    }

    /**
     * Emits {@code 0 .. records-1} as fast as it can; in an attempt whose consumer fails it goes on until it is
     * cancelled or its partition is released.
     */
    public static final class FastSource extends AbstractInvokable {
        private volatile boolean cancelled;

        public FastSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long records = Long.parseLong(getTaskConfiguration().getString(TestInvokables.RECORDS, "1000"));
            boolean endless = getEnvironment().getTaskInfo().getAttemptNumber()
                    < Integer.parseInt(getTaskConfiguration().getString(FAILING_ATTEMPTS, "0"));
            RecordWriter<Long> writer = writer(this);
            for (long i = 0; (i < records || endless) && !cancelled; i++) {
                writer.emit(i % records);
            }
            writer.flushAll();
            writer.close();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    /** Emits {@code 0 .. records-1} as fast as it can, failing after a while in its failing attempts. */
    public static final class FailingSource extends AbstractInvokable {
        public FailingSource(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            long records = Long.parseLong(getTaskConfiguration().getString(TestInvokables.RECORDS, "1000"));
            RecordWriter<Long> writer = writer(this);
            for (long i = 0; i < records; i++) {
                if (failsNow(this, i)) {
                    writer.flushAll();
                    throw injected(this);
                }
                writer.emit(i);
            }
            writer.flushAll();
            writer.close();
        }
    }

    /** Reads longs, failing after a while in its failing attempts; adds count and sum to the job's results. */
    public static final class FailingSink extends AbstractInvokable {
        public FailingSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            readAll(this, true);
        }
    }

    /** Reads longs; adds count and sum to the job's results. */
    public static final class CountingSink extends AbstractInvokable {
        public CountingSink(Environment environment) {
            super(environment);
        }

        @Override
        public void invoke() throws Exception {
            readAll(this, false);
        }
    }

    private static void readAll(AbstractInvokable task, boolean mayFail) throws Exception {
        RecordReader<Long> reader = new RecordReader<>(task.getEnvironment().getInputGate(0),
                LongSerializer.INSTANCE, false);
        long count = 0;
        long sum = 0;
        Long value;
        while ((value = reader.next()) != null) {
            if (mayFail && failsNow(task, count)) {
                throw injected(task);
            }
            count++;
            sum += value;
        }
        TestInvokables.SINK_RESULTS.put(task.getTaskConfiguration().getString("test.job", "?"),
                new long[] {count, sum});
    }
}
