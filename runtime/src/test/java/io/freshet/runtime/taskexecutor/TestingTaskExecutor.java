package io.freshet.runtime.taskexecutor;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.RpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake TaskExecutor endpoint: it keeps a table of its slots, records the calls it gets, allocates slots on
 * {@code requestSlot} (or fails, or never answers, as told) and answers heartbeat requests of the ResourceManager
 * with its slot report (unless told to stay silent). No tasks run here.
 */
public class TestingTaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> sendOperatorEventToTask(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, io.freshet.runtime.jobgraph.JobVertexID operatorId,
            byte[] serializedEvent, java.time.Duration timeout) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("operator events"));
    }


    /** How {@code requestSlot} answers. */
    public enum SlotRequestBehaviour {
        ACCEPT,
        FAIL,
        NEVER_ANSWER
    }

    /** One recorded {@code requestSlot} call. */
    public record SlotRequest(SlotID slotId, JobID jobId, AllocationID allocationId, String jobMasterAddress,
            ResourceManagerId resourceManagerId) {}

    private final ResourceID resourceId;
    private final int numberOfSlots;
    /** Slot number -> status; guarded by this. */
    private final Map<Integer, SlotStatus> slots = new TreeMap<>();
    private final List<SlotRequest> slotRequests = new CopyOnWriteArrayList<>();
    private final List<Exception> resourceManagerDisconnects = new CopyOnWriteArrayList<>();
    private final AtomicInteger heartbeatRequests = new AtomicInteger();

    private volatile SlotRequestBehaviour slotRequestBehaviour = SlotRequestBehaviour.ACCEPT;
    private volatile boolean answerHeartbeats = true;
    private volatile ResourceManagerGateway resourceManager;

    public TestingTaskExecutor(RpcService rpcService, String name, int numberOfSlots) {
        super(rpcService, name);
        this.resourceId = new ResourceID(name);
        this.numberOfSlots = numberOfSlots;
        for (int i = 0; i < numberOfSlots; i++) {
            slots.put(i, new SlotStatus(new SlotID(resourceId, i)));
        }
    }

    // ---- driving the fake ----

    public ResourceID getResourceId() {
        return resourceId;
    }

    public TaskExecutorRegistration registration() {
        return new TaskExecutorRegistration(resourceId, getAddress(), "localhost", 0, numberOfSlots, 1, 1L << 30,
                1L << 28, 1L << 28);
    }

    public synchronized SlotReport slotReport() {
        return new SlotReport(new ArrayList<>(slots.values()));
    }

    /** Registers at the ResourceManager behind {@code gateway}, which then also gets this fake's heartbeats. */
    public CompletableFuture<RegistrationResponse> registerAt(ResourceManagerGateway gateway) {
        this.resourceManager = gateway;
        return gateway.registerTaskExecutor(registration(), slotReport(), Duration.ofSeconds(10));
    }

    /** Sends the current slot report as a heartbeat, as if the ResourceManager had asked. */
    public void sendSlotReport() {
        resourceManager.heartbeatFromTaskManager(resourceId, slotReport());
    }

    public synchronized void freeAllSlots() {
        for (int i = 0; i < numberOfSlots; i++) {
            slots.put(i, new SlotStatus(new SlotID(resourceId, i)));
        }
    }

    public void setSlotRequestBehaviour(SlotRequestBehaviour behaviour) {
        this.slotRequestBehaviour = behaviour;
    }

    public void setAnswerHeartbeats(boolean answer) {
        this.answerHeartbeats = answer;
    }

    public List<SlotRequest> getSlotRequests() {
        return slotRequests;
    }

    public List<Exception> getResourceManagerDisconnects() {
        return resourceManagerDisconnects;
    }

    public int getHeartbeatRequests() {
        return heartbeatRequests.get();
    }

    // ---- TaskExecutorGateway ----

    @Override
    public CompletableFuture<Acknowledge> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, ResourceManagerId resourceManagerId, Duration timeout) {
        slotRequests.add(new SlotRequest(slotId, jobId, allocationId, jobMasterAddress, resourceManagerId));
        switch (slotRequestBehaviour) {
            case FAIL:
                return FutureUtils.completedExceptionally(new IllegalStateException("told to fail"));
            case NEVER_ANSWER:
                return new CompletableFuture<>();
            default:
                break;
        }
        synchronized (this) {
            SlotStatus current = slots.get(slotId.getSlotNumber());
            if (current == null || !current.isFree() && !current.getAllocationID().equals(allocationId)) {
                return FutureUtils.completedExceptionally(
                        new IllegalStateException("slot " + slotId + " is not free: " + current));
            }
            slots.put(slotId.getSlotNumber(), new SlotStatus(slotId, allocationId, jobId));
        }
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        heartbeatRequests.incrementAndGet();
        ResourceManagerGateway gateway = resourceManager;
        if (answerHeartbeats && gateway != null) {
            gateway.heartbeatFromTaskManager(resourceId, slotReport());
        }
    }

    @Override
    public void disconnectResourceManager(Exception cause) {
        resourceManagerDisconnects.add(cause);
    }

    @Override
    public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId,
            Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public CompletableFuture<java.util.List<io.freshet.runtime.taskexecutor.TaskIOMetricsSnapshot>> requestTaskIOMetrics(
            io.freshet.api.common.JobID jobId, Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public void heartbeatFromJobManager(ResourceID jobManagerId) {}

    @Override
    public void disconnectJobManager(JobID jobId, Exception cause) {}

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
}
