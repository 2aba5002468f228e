package io.freshet.runtime.taskexecutor;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.resourcemanager.TaskManagerInfo;
import io.freshet.runtime.rpc.FencedRpcEndpoint;
import io.freshet.runtime.rpc.RpcService;

/** A ResourceManager fake that accepts every TaskExecutor and records what TaskExecutors tell it. */
class TestingResourceManager extends FencedRpcEndpoint<ResourceManagerId> implements ResourceManagerGateway {

    final ResourceManagerId leaderId = ResourceManagerId.generate();
    final ResourceID ownResourceId = ResourceID.generate();
    final BlockingQueue<SlotReport> registrations = new LinkedBlockingQueue<>();
    final BlockingQueue<SlotReport> heartbeats = new LinkedBlockingQueue<>();
    final BlockingQueue<Exception> disconnects = new LinkedBlockingQueue<>();
    final AtomicInteger registrationCounter = new AtomicInteger();

    TestingResourceManager(RpcService rpcService) {
        super(rpcService, "resourcemanager");
    }

    @Override
    protected void onStart() {
        setFencingToken(leaderId);
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration,
            SlotReport initialSlotReport, Duration timeout) {
        registrations.add(initialSlotReport);
        return CompletableFuture.completedFuture(new RegistrationResponse.Success(
                "registration-" + registrationCounter.incrementAndGet(), ownResourceId));
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, SlotReport slotReport) {
        heartbeats.add(slotReport);
    }

    @Override
    public void disconnectTaskManager(ResourceID taskManagerId, Exception cause) {
        disconnects.add(cause);
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerJobMaster(JobMasterId jobMasterId,
            ResourceID jobManagerResourceId, String jobMasterAddress, JobID jobId, Duration timeout) {
        return CompletableFuture.completedFuture(new RegistrationResponse.Rejection("not in this fake"));
    }

    @Override
    public CompletableFuture<Acknowledge> declareRequiredResources(JobMasterId jobMasterId, JobID jobId,
            int numberOfSlots, Duration timeout) {
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void heartbeatFromJobManager(ResourceID jobManagerResourceId) {}

    @Override
    public void disconnectJobManager(JobID jobId, Exception cause) {}

    @Override
    public CompletableFuture<Collection<TaskManagerInfo>> requestTaskManagerInfo(Duration timeout) {
        return CompletableFuture.completedFuture(List.of());
    }
}
