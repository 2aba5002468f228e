package io.freshet.runtime.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.JobStatus;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraph;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.executiongraph.failover.FixedDelayRestartBackoffTimeStrategy;
import io.freshet.runtime.executiongraph.failover.NoRestartBackoffTimeStrategy;
import io.freshet.runtime.executiongraph.failover.RestartBackoffTimeStrategy;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobmaster.LogicalSlot;
import io.freshet.runtime.jobmaster.TaskManagerGateway;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.scheduler.strategy.PipelinedRegionTopology;
import io.freshet.runtime.taskmanager.TaskExecutionState;

class RegionSchedulerTest {

    private final FakeTaskManager taskManager = new FakeTaskManager();
    private final FakeSlotAllocator slots = new FakeSlotAllocator(taskManager);
    private final QueueingScheduledExecutor mainThread = new QueueingScheduledExecutor();

    // ---- jobs ----

    private static JobGraph pipelinedJob(int parallelism) {
        JobVertex source = vertex("source", parallelism);
        JobVertex sink = vertex("sink", parallelism);
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.PIPELINED);
        return new JobGraph(null, "pipelined", source, sink);
    }

    private static JobGraph blockingJob() {
        JobVertex source = vertex("source", 2);
        JobVertex sink = vertex("sink", 2);
        sink.connectNewDataSetAsInput(source, DistributionPattern.ALL_TO_ALL, ResultPartitionType.BLOCKING);
        return new JobGraph(null, "batch", source, sink);
    }

    private static JobGraph pointwiseJob() {
        JobVertex source = vertex("source", 2);
        JobVertex sink = vertex("sink", 2);
        sink.connectNewDataSetAsInput(source, DistributionPattern.POINTWISE, ResultPartitionType.PIPELINED);
        return new JobGraph(null, "two regions", source, sink);
    }

    private static JobVertex vertex(String name, int parallelism) {
        JobVertex vertex = new JobVertex(name);
        vertex.setInvokableClassName("test." + name);
        vertex.setParallelism(parallelism);
        return vertex;
    }

    private RegionScheduler scheduler(JobGraph job, RestartBackoffTimeStrategy restarts) {
        ExecutionGraph graph = new ExecutionGraph(job);
        return new RegionScheduler(graph, PipelinedRegionTopology.fromJobGraph(job), slots, restarts, mainThread,
                Duration.ofSeconds(10));
    }

    // ---- behaviour ----

    @Test
    void pipelinedRegionIsDeployedAtOnceWithChannelsToEveryProducer() {
        RegionScheduler scheduler = scheduler(pipelinedJob(2), NoRestartBackoffTimeStrategy.INSTANCE);

        scheduler.startScheduling();

        assertThat(taskManager.deployed).hasSize(4);
        TaskDeploymentDescriptor sink = deployedNamed("sink").get(0);
        assertThat(sink.getInputGates()).hasSize(1);
        assertThat(sink.getInputGates().get(0).getChannels()).hasSize(2);
        TaskDeploymentDescriptor source = deployedNamed("source").get(0);
        assertThat(source.getProducedPartitions().get(0).getNumberOfSubpartitions()).isEqualTo(2);
        assertThat(sink.getInputGates().get(0).getChannels().get(0).getPartitionId().getProducerId())
                .isEqualTo(deployedNamed("source").get(0).getExecutionAttemptId());
    }

    @Test
    void blockingConsumerRegionStartsWhenEveryProducerFinished() {
        RegionScheduler scheduler = scheduler(blockingJob(), NoRestartBackoffTimeStrategy.INSTANCE);
        scheduler.startScheduling();
        assertThat(taskManager.deployed).extracting(TaskDeploymentDescriptor::getTaskName).containsOnly("source");

        List<TaskDeploymentDescriptor> sources = deployedNamed("source");
        runToFinish(scheduler, sources.get(0));
        assertThat(deployedNamed("sink")).isEmpty();
        runToFinish(scheduler, sources.get(1));

        assertThat(deployedNamed("sink")).hasSize(2);
        deployedNamed("sink").forEach(tdd -> runToFinish(scheduler, tdd));
        assertThat(scheduler.getJobTerminationFuture()).isCompletedWithValue(JobStatus.FINISHED);
        assertThat(slots.held).isEmpty();
    }

    @Test
    void failureRestartsOnlyTheFailedRegion() {
        RegionScheduler scheduler = scheduler(pointwiseJob(), fixedDelay(3));
        scheduler.startScheduling();
        assertThat(taskManager.deployed).hasSize(4);
        TaskDeploymentDescriptor failingSource = deployedNamed("source").get(0);
        TaskDeploymentDescriptor otherSink = sinkNotReadingFrom(failingSource);
        report(scheduler, failingSource, ExecutionState.INITIALIZING);
        report(scheduler, failingSource, ExecutionState.RUNNING);

        scheduler.updateTaskExecutionState(new TaskExecutionState(failingSource.getExecutionAttemptId(),
                ExecutionState.FAILED, new RuntimeException("boom")));

        // the sink in the failed region is cancelled; the other region is left alone
        assertThat(taskManager.cancelled).hasSize(1);
        assertThat(taskManager.cancelled.get(0)).isNotEqualTo(otherSink.getExecutionAttemptId());
        report(scheduler, taskManager.cancelled.get(0), ExecutionState.CANCELED);
        mainThread.triggerScheduledTasks();

        assertThat(taskManager.deployed).hasSize(6);
        assertThat(taskManager.deployed.subList(4, 6)).allSatisfy(tdd -> assertThat(tdd.getAttemptNumber()).isEqualTo(1));
        assertThat(scheduler.getExecutionGraph().getState()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void failureOfATaskBeingCancelledIsPartOfTheRunningRestart() {
        RegionScheduler scheduler = scheduler(pipelinedJob(2), fixedDelay(1));
        scheduler.startScheduling();
        List<TaskDeploymentDescriptor> sources = deployedNamed("source");

        scheduler.updateTaskExecutionState(new TaskExecutionState(sources.get(0).getExecutionAttemptId(),
                ExecutionState.FAILED, new RuntimeException("first")));
        // the other source was being cancelled and fails on its way out (its TaskExecutor died, say)
        scheduler.updateTaskExecutionState(new TaskExecutionState(sources.get(1).getExecutionAttemptId(),
                ExecutionState.FAILED, new RuntimeException("second")));
        deployedNamed("sink").forEach(tdd -> report(scheduler, tdd, ExecutionState.CANCELED));
        mainThread.triggerScheduledTasks();

        assertThat(scheduler.getExecutionGraph().getState()).isEqualTo(JobStatus.RUNNING);
        assertThat(taskManager.deployed).hasSize(8);
        mainThread.triggerScheduledTasks();
        assertThat(taskManager.deployed).as("no second restart").hasSize(8);
        taskManager.deployed.subList(4, 8).forEach(tdd -> runToFinish(scheduler, tdd));
        assertThat(scheduler.getJobTerminationFuture()).isCompletedWithValue(JobStatus.FINISHED);
    }

    @Test
    void jobFailsWhenTheRestartStrategyRefuses() {
        RegionScheduler scheduler = scheduler(pipelinedJob(1), NoRestartBackoffTimeStrategy.INSTANCE);
        scheduler.startScheduling();
        TaskDeploymentDescriptor source = deployedNamed("source").get(0);
        TaskDeploymentDescriptor sink = deployedNamed("sink").get(0);

        scheduler.updateTaskExecutionState(new TaskExecutionState(source.getExecutionAttemptId(),
                ExecutionState.FAILED, new IllegalStateException("bad record 17")));
        assertThat(scheduler.getJobTerminationFuture()).isNotDone();
        report(scheduler, sink.getExecutionAttemptId(), ExecutionState.CANCELED);

        assertThat(scheduler.getJobTerminationFuture()).isCompletedWithValue(JobStatus.FAILED);
        assertThat(scheduler.getExecutionGraph().getFailureCause()).hasMessageContaining("bad record 17");
    }

    @Test
    void cancellationCancelsRunningTasksAndEndsCanceled() {
        RegionScheduler scheduler = scheduler(pipelinedJob(2), NoRestartBackoffTimeStrategy.INSTANCE);
        scheduler.startScheduling();
        taskManager.deployed.forEach(tdd -> report(scheduler, tdd, ExecutionState.INITIALIZING));

        scheduler.cancel();

        assertThat(taskManager.cancelled).hasSize(4);
        taskManager.cancelled.forEach(id -> report(scheduler, id, ExecutionState.CANCELED));
        assertThat(scheduler.getJobTerminationFuture()).isCompletedWithValue(JobStatus.CANCELED);
        assertThat(slots.held).isEmpty();
    }

    @Test
    void regionWaitsForItsSlotsBeforeDeployingAnything() {
        slots.holdRequests = true;
        RegionScheduler scheduler = scheduler(pipelinedJob(2), NoRestartBackoffTimeStrategy.INSTANCE);
        scheduler.startScheduling();

        slots.completeAll(1);
        assertThat(taskManager.deployed).isEmpty();
        slots.completeAll(Integer.MAX_VALUE);

        assertThat(taskManager.deployed).hasSize(4);
    }

    @Test
    void reportsForOutdatedAttemptsAreIgnored() {
        RegionScheduler scheduler = scheduler(pipelinedJob(1), NoRestartBackoffTimeStrategy.INSTANCE);
        scheduler.startScheduling();

        boolean accepted = scheduler.updateTaskExecutionState(
                new TaskExecutionState(ExecutionAttemptID.randomId(), ExecutionState.RUNNING));

        assertThat(accepted).isFalse();
    }

    // ---- helpers ----

    private static RestartBackoffTimeStrategy fixedDelay(int attempts) {
        io.freshet.configuration.Configuration configuration = new io.freshet.configuration.Configuration();
        configuration.setString("restart-strategy.fixed-delay.attempts", String.valueOf(attempts));
        configuration.setString("restart-strategy.fixed-delay.delay", "0 ms");
        return FixedDelayRestartBackoffTimeStrategy.createFactory(configuration).create();
    }

    private List<TaskDeploymentDescriptor> deployedNamed(String name) {
        return taskManager.deployed.stream().filter(tdd -> tdd.getTaskName().equals(name)).collect(Collectors.toList());
    }

    private TaskDeploymentDescriptor sinkNotReadingFrom(TaskDeploymentDescriptor source) {
        return deployedNamed("sink").stream()
                .filter(sink -> sink.getInputGates().get(0).getChannels().stream()
                        .noneMatch(c -> c.getPartitionId().getProducerId().equals(source.getExecutionAttemptId())))
                .findFirst().orElseThrow();
    }

    private static void report(RegionScheduler scheduler, TaskDeploymentDescriptor tdd, ExecutionState state) {
        report(scheduler, tdd.getExecutionAttemptId(), state);
    }

    private static void report(RegionScheduler scheduler, ExecutionAttemptID id, ExecutionState state) {
        assertThat(scheduler.updateTaskExecutionState(new TaskExecutionState(id, state))).as("%s -> %s", id, state)
                .isTrue();
    }

    private static void runToFinish(RegionScheduler scheduler, TaskDeploymentDescriptor tdd) {
        report(scheduler, tdd, ExecutionState.INITIALIZING);
        report(scheduler, tdd, ExecutionState.RUNNING);
        report(scheduler, tdd, ExecutionState.FINISHED);
    }

    /** Records deployments and cancellations; always accepts. */
    static final class FakeTaskManager implements TaskManagerGateway {
        final List<TaskDeploymentDescriptor> deployed = new ArrayList<>();
        final List<ExecutionAttemptID> cancelled = new ArrayList<>();

        @Override
        public String getAddress() {
            return "local://fake/taskmanager";
        }

        @Override
        public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, Duration timeout) {
            deployed.add(deployment);
            return CompletableFuture.completedFuture(Acknowledge.get());
        }

        @Override
        public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout) {
            cancelled.add(executionAttemptId);
            return CompletableFuture.completedFuture(Acknowledge.get());
        }

        @Override
        public CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, Duration timeout) {
            return CompletableFuture.completedFuture(Acknowledge.get());
        }
    }

    /** Gives every subtask its own slot, at once or when told. */
    static final class FakeSlotAllocator implements ExecutionSlotAllocator {
        private final FakeTaskManager taskManager;
        final Map<ExecutionVertex, LogicalSlot> held = new HashMap<>();
        private final List<Map.Entry<ExecutionVertex, CompletableFuture<LogicalSlot>>> pending = new ArrayList<>();
        boolean holdRequests;

        FakeSlotAllocator(FakeTaskManager taskManager) {
            this.taskManager = taskManager;
        }

        @Override
        public CompletableFuture<LogicalSlot> allocateSlotFor(ExecutionVertex vertex) {
            CompletableFuture<LogicalSlot> future = new CompletableFuture<>();
            if (holdRequests) {
                pending.add(Map.entry(vertex, future));
            } else {
                future.complete(slotFor(vertex));
            }
            return future;
        }

        void completeAll(int max) {
            for (int i = 0; i < Math.min(max, pending.size()); i++) {
                pending.get(i).getValue().complete(slotFor(pending.get(i).getKey()));
            }
        }

        private LogicalSlot slotFor(ExecutionVertex vertex) {
            LogicalSlot slot = new LogicalSlot(new AllocationID(), new ResourceID("tm-1"), "localhost", 4711, taskManager);
            held.put(vertex, slot);
            return slot;
        }

        @Override
        public void releaseSlotOf(ExecutionVertex vertex, Throwable cause) {
            held.remove(vertex);
        }
    }
}
