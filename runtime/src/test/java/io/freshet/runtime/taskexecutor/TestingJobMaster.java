package io.freshet.runtime.taskexecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobmaster.JobMasterGateway;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.FencedRpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskmanager.TaskExecutionState;

/**
 * A JobMaster fake: accepts TaskExecutors, accepts offered slots except those whose allocation is in
 * {@link #rejectedAllocations}, and records offers, task state updates, heartbeats and disconnects.
 */
class TestingJobMaster extends FencedRpcEndpoint<JobMasterId> implements JobMasterGateway {

    @Override
    public java.util.concurrent.CompletableFuture<io.freshet.runtime.messages.Acknowledge> sendOperatorEventToCoordinator(
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, io.freshet.runtime.jobgraph.JobVertexID operatorId,
            byte[] serializedEvent) {
        return java.util.concurrent.CompletableFuture.failedFuture(new UnsupportedOperationException("operator events"));
    }


    final JobMasterId leaderId;
    final ResourceID ownResourceId = ResourceID.generate();
    final Set<AllocationID> rejectedAllocations = ConcurrentHashMap.newKeySet();
    final BlockingQueue<JobID> registrations = new LinkedBlockingQueue<>();
    final BlockingQueue<Collection<SlotOffer>> offers = new LinkedBlockingQueue<>();
    final BlockingQueue<TaskExecutionState> taskUpdates = new LinkedBlockingQueue<>();
    final BlockingQueue<Collection<ExecutionAttemptID>> heartbeats = new LinkedBlockingQueue<>();
    final BlockingQueue<Exception> disconnects = new LinkedBlockingQueue<>();

    TestingJobMaster(RpcService rpcService, String endpointId, JobMasterId leaderId) {
        super(rpcService, endpointId);
        this.leaderId = leaderId;
    }

    @Override
    protected void onStart() {
        setFencingToken(leaderId);
    }

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskManager(JobID jobId,
            TaskExecutorRegistration registration, Duration timeout) {
        registrations.add(jobId);
        return CompletableFuture.completedFuture(new RegistrationResponse.Success("tm-registration", ownResourceId));
    }

    @Override
    public CompletableFuture<Collection<SlotOffer>> offerSlots(ResourceID taskManagerId, Collection<SlotOffer> slots,
            Duration timeout) {
        offers.add(new ArrayList<>(slots));
        List<SlotOffer> accepted = new ArrayList<>();
        for (SlotOffer offer : slots) {
            if (!rejectedAllocations.contains(offer.getAllocationId())) {
                accepted.add(offer);
            }
        }
        return CompletableFuture.completedFuture(accepted);
    }

    @Override
    public CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state) {
        taskUpdates.add(state);
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks) {
        heartbeats.add(new ArrayList<>(runningTasks));
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {}

    @Override
    public CompletableFuture<Acknowledge> disconnectTaskManager(ResourceID taskManagerId, Exception cause) {
        disconnects.add(cause);
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void disconnectResourceManager(ResourceManagerId resourceManagerId, Exception cause) {}

    @Override
    public void acknowledgeCheckpoint(io.freshet.api.common.JobID jobId,
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId,
            io.freshet.runtime.checkpoint.TaskStateSnapshot state) {}

    @Override
    public void declineCheckpoint(io.freshet.api.common.JobID jobId,
            io.freshet.runtime.executiongraph.ExecutionAttemptID task, long checkpointId, Throwable cause) {}
}
