package io.freshet.runtime.resourcemanager.slotmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.concurrent.ManualScheduledExecutor;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.SlotStatus;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;
import io.freshet.util.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The slot manager alone, on the test thread: a manual clock and executor stand in for the ResourceManager's main
 * thread, and plain gateway objects that record {@code requestSlot} stand in for TaskExecutors.
 */
class SlotManagerTest {

    private static final Duration TASK_MANAGER_TIMEOUT = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final ManualScheduledExecutor executor = new ManualScheduledExecutor(clock);
    private final RecordingResourceActions actions = new RecordingResourceActions();
    private final SlotManager slotManager = new SlotManager(
            new SlotManagerConfiguration(Duration.ofSeconds(10), TASK_MANAGER_TIMEOUT, false), clock);

    private void start() {
        slotManager.start(ResourceManagerId.generate(), executor, actions);
    }

    private static SlotReport freeSlots(ResourceID resourceId, int slots) {
        List<SlotStatus> statuses = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            statuses.add(new SlotStatus(new SlotID(resourceId, i)));
        }
        return new SlotReport(statuses);
    }

    @Test
    void missingSlotsAreAskedOfTheResourceActionsOnlyOnceWhileWorkersArePending() {
        actions.promisedSlotsPerCall = 2;
        start();
        JobID job = new JobID();

        slotManager.processResourceRequirements(job, "jm", 2);
        slotManager.processResourceRequirements(job, "jm", 2);

        assertThat(actions.allocations).containsExactly(2);
        assertThat(slotManager.getNumberPendingWorkerSlots()).isEqualTo(2);

        RecordingGateway worker = new RecordingGateway();
        ResourceID workerId = new ResourceID("worker");
        slotManager.registerTaskManager(workerId, worker, freeSlots(workerId, 2));

        assertThat(slotManager.getNumberPendingWorkerSlots()).isZero();
        assertThat(worker.requests).hasSize(2);
        assertThat(slotManager.getNumberOfSlotsHeldBy(job)).isEqualTo(2);
        assertThat(actions.allocations).containsExactly(2);
    }

    @Test
    void workersThatFailToStartAreAskedForAgain() {
        actions.promisedSlotsPerCall = 1;
        start();
        slotManager.processResourceRequirements(new JobID(), "jm", 1);

        slotManager.notifyWorkersFailed(1);

        assertThat(actions.allocations).containsExactly(1, 1);
    }

    @Test
    void idleTaskExecutorIsOfferedForReleaseAfterTheTimeout() {
        start();
        ResourceID idle = new ResourceID("idle");
        ResourceID busy = new ResourceID("busy");
        slotManager.registerTaskManager(idle, new RecordingGateway(), freeSlots(idle, 1));
        slotManager.registerTaskManager(busy, new RecordingGateway(), new SlotReport(List.of(
                new SlotStatus(new SlotID(busy, 0), new AllocationID(), new JobID()))));

        executor.advanceTime(TASK_MANAGER_TIMEOUT.minusMillis(1));
        assertThat(actions.released).isEmpty();

        executor.advanceTime(TASK_MANAGER_TIMEOUT);
        assertThat(actions.released).containsExactly(idle);
    }

    @Test
    void slotReportedAllocatedElsewhereVoidsAPendingRequest() {
        start();
        ResourceID resourceId = new ResourceID("te");
        NeverAnsweringGateway gateway = new NeverAnsweringGateway();
        slotManager.registerTaskManager(resourceId, gateway, freeSlots(resourceId, 1));
        JobID job = new JobID();
        JobID other = new JobID();
        slotManager.processResourceRequirements(job, "jm", 1);
        assertThat(slotManager.getNumberOfSlotsHeldBy(job)).isEqualTo(1);

        slotManager.reportSlotStatus(resourceId, new SlotReport(List.of(
                new SlotStatus(new SlotID(resourceId, 0), new AllocationID(), other))));
        gateway.answer.complete(Acknowledge.get());
        executor.triggerDueTasks();

        assertThat(slotManager.getNumberOfSlotsHeldBy(job)).isZero();
        assertThat(slotManager.getNumberOfSlotsHeldBy(other)).isEqualTo(1);
    }

    @Test
    void pendingSlotStaysPendingWhenAnOlderReportShowsItFree() {
        start();
        ResourceID resourceId = new ResourceID("te");
        NeverAnsweringGateway gateway = new NeverAnsweringGateway();
        slotManager.registerTaskManager(resourceId, gateway, freeSlots(resourceId, 1));
        JobID job = new JobID();
        slotManager.processResourceRequirements(job, "jm", 1);

        slotManager.reportSlotStatus(resourceId, freeSlots(resourceId, 1));

        assertThat(slotManager.getNumberOfSlotsHeldBy(job)).isEqualTo(1);
        assertThat(slotManager.getNumberFreeSlots()).isZero();
    }

    // ---- fakes ----

    private static final class RecordingResourceActions implements ResourceActions {
        final List<Integer> allocations = new ArrayList<>();
        final List<ResourceID> released = new ArrayList<>();
        int promisedSlotsPerCall;

        @Override
        public int allocateResources(int slotsNeeded) {
            allocations.add(slotsNeeded);
            return promisedSlotsPerCall;
        }

        @Override
        public boolean releaseResource(ResourceID resourceId, Exception cause) {
            released.add(resourceId);
            return false;
        }
    }

    /** Acknowledges every slot request at once. */
    private static class RecordingGateway implements TaskExecutorGateway {
    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> triggerCheckpoint(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId, long timestamp,
            io.freshet.runtime.checkpoint.CheckpointType type, java.time.Duration timeout) {
        return java.util.concurrent.CompletableFuture.completedFuture(io.freshet.runtime.messages.Acknowledge.get());
    }

    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> confirmCheckpoint(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId, java.time.Duration timeout) {
        return java.util.concurrent.CompletableFuture.completedFuture(io.freshet.runtime.messages.Acknowledge.get());
    }

    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> abortCheckpoint(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId, java.time.Duration timeout) {
        return java.util.concurrent.CompletableFuture.completedFuture(io.freshet.runtime.messages.Acknowledge.get());
    }


        @Override
        public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> sendOperatorEventToTask(
                io.freshet.runtime.executiongraph.ExecutionAttemptID task, io.freshet.runtime.jobgraph.JobVertexID operatorId,
                byte[] serializedEvent, java.time.Duration timeout) {
            return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("operator events"));
        }

        final List<SlotID> requests = new ArrayList<>();

        @Override
        public CompletableFuture<Acknowledge> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
                String jobMasterAddress, ResourceManagerId resourceManagerId, Duration timeout) {
            requests.add(slotId);
            return CompletableFuture.completedFuture(Acknowledge.get());
        }

        @Override
        public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment,
                JobMasterId jobMasterId, Duration timeout) {
            return FutureUtils.completedExceptionally(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<java.util.List<io.freshet.runtime.taskexecutor.TaskIOMetricsSnapshot>> requestTaskIOMetrics(
                io.freshet.api.common.JobID jobId, Duration timeout) {
            return FutureUtils.completedExceptionally(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout) {
            return FutureUtils.completedExceptionally(new UnsupportedOperationException());
        }

        @Override
        public CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause,
                Duration timeout) {
            return FutureUtils.completedExceptionally(new UnsupportedOperationException());
        }

        @Override
        public void heartbeatFromJobManager(ResourceID jobManagerId) {}

        @Override
        public void heartbeatFromResourceManager(ResourceID resourceManagerId) {}

        @Override
        public void disconnectJobManager(JobID jobId, Exception cause) {}

        @Override
        public void disconnectResourceManager(Exception cause) {}

        @Override
        public String getAddress() {
            return "fake";
        }

        @Override
        public String getHostname() {
            return "localhost";
        }
    }

    /** Answers slot requests only when the test completes {@link #answer}. */
    private static final class NeverAnsweringGateway extends RecordingGateway {
        final CompletableFuture<Acknowledge> answer = new CompletableFuture<>();

        @Override
        public CompletableFuture<Acknowledge> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
                String jobMasterAddress, ResourceManagerId resourceManagerId, Duration timeout) {
            requests.add(slotId);
            return answer;
        }
    }
}
