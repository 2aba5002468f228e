package io.freshet.runtime.jobmaster;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.FencedRpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskmanager.TaskExecutionState;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake JobMaster endpoint for one job: fenced by its JobMasterId from its start, it registers at a
 * ResourceManager, declares slots, answers the ResourceManager's heartbeat requests (unless told to stay silent)
 * and records disconnections.
 */
public class TestingJobMaster extends FencedRpcEndpoint<JobMasterId> implements JobMasterGateway {

    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> sendOperatorEventToCoordinator(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, io.freshet.runtime.jobgraph.JobVertexID operatorId,
            byte[] serializedEvent) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("operator events"));
    }


    private final JobID jobId;
    private final JobMasterId jobMasterId;
    private final ResourceID resourceId;
    private final List<Exception> resourceManagerDisconnects = new CopyOnWriteArrayList<>();
    private final AtomicInteger heartbeatRequests = new AtomicInteger();

    private volatile boolean answerHeartbeats = true;
    private volatile ResourceManagerGateway resourceManager;

    public TestingJobMaster(RpcService rpcService, String name, JobID jobId) {
        super(rpcService, name);
        this.jobId = jobId;
        this.jobMasterId = JobMasterId.generate();
        this.resourceId = new ResourceID(name);
    }

    @Override
    protected void onStart() {
        setFencingToken(jobMasterId);
    }

    // ---- driving the fake ----

    public JobID getJobId() {
        return jobId;
    }

    public JobMasterId getJobMasterId() {
        return jobMasterId;
    }

    public CompletableFuture<RegistrationResponse> registerAt(ResourceManagerGateway gateway) {
        this.resourceManager = gateway;
        return gateway.registerJobMaster(jobMasterId, resourceId, getAddress(), jobId, Duration.ofSeconds(10));
    }

    public CompletableFuture<Acknowledge> declare(int numberOfSlots) {
        return resourceManager.declareRequiredResources(jobMasterId, jobId, numberOfSlots, Duration.ofSeconds(10));
    }

    public void setAnswerHeartbeats(boolean answer) {
        this.answerHeartbeats = answer;
    }

    public List<Exception> getResourceManagerDisconnects() {
        return resourceManagerDisconnects;
    }

    public int getHeartbeatRequests() {
        return heartbeatRequests.get();
    }

    // ---- JobMasterGateway ----

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        heartbeatRequests.incrementAndGet();
        ResourceManagerGateway gateway = resourceManager;
        if (answerHeartbeats && gateway != null) {
            gateway.heartbeatFromJobManager(resourceId);
        }
    }

    @Override
    public void disconnectResourceManager(ResourceManagerId resourceManagerId, Exception cause) {
        resourceManagerDisconnects.add(cause);
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskManager(JobID job,
            TaskExecutorRegistration registration, Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public CompletableFuture<Collection<SlotOffer>> offerSlots(ResourceID taskManagerId, Collection<SlotOffer> slots,
            Duration timeout) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks) {}

    @Override
    public CompletableFuture<Acknowledge> disconnectTaskManager(ResourceID taskManagerId, Exception cause) {
        return FutureUtils.completedExceptionally(new UnsupportedOperationException("fake"));
    }

    @Override
    public void acknowledgeCheckpoint(io.freshet.api.common.JobID jobId,
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId,
            io.freshet.runtime.checkpoint.TaskStateSnapshot state) {}

    @Override
    public void declineCheckpoint(io.freshet.api.common.JobID jobId,
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId, Throwable cause) {}
}
