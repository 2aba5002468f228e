package io.freshet.runtime.resourcemanager;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.rpc.FencedRpcGateway;
import io.freshet.runtime.rpc.RpcTimeout;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;

/**
 * The ResourceManager as TaskExecutors, JobMasters and the REST API call it; fenced by its leader session.
 *
 * <p>Slots: TaskExecutors register with their slot report and keep it current through heartbeats. A JobMaster
 * registers and declares how many slots its job needs; the ResourceManager allocates free slots to the job
 * (calling {@code TaskExecutorGateway#requestSlot}, which makes the TaskExecutor offer the slot to the
 * JobMaster) until the declaration is met, and keeps trying as slots free up or TaskExecutors register.
 * Subclasses (the YARN resource manager) start new TaskExecutors when the declared need exceeds the free slots.
 */
public interface ResourceManagerGateway extends FencedRpcGateway<ResourceManagerId> {

    // ---- TaskExecutors ----

    CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration,
            SlotReport initialSlotReport, @RpcTimeout Duration timeout);

    /** The TaskExecutor's answer to a heartbeat request, with its current slot report. */
    void heartbeatFromTaskManager(ResourceID taskManagerId, SlotReport slotReport);

    /** The TaskExecutor leaves (shutdown) or failed; its slots are gone, their jobs are told. */
    void disconnectTaskManager(ResourceID taskManagerId, Exception cause);

    // ---- JobMasters ----

    CompletableFuture<RegistrationResponse> registerJobMaster(JobMasterId jobMasterId, ResourceID jobManagerResourceId,
            String jobMasterAddress, JobID jobId, @RpcTimeout Duration timeout);

    /** The job now needs {@code numberOfSlots} slots in total (0 when it ends); replaces the previous declaration. */
    CompletableFuture<Acknowledge> declareRequiredResources(JobMasterId jobMasterId, JobID jobId, int numberOfSlots,
            @RpcTimeout Duration timeout);

    /** The JobMaster's answer to a heartbeat request. */
    void heartbeatFromJobManager(ResourceID jobManagerResourceId);

    /** The job's JobMaster is gone (job ended or leadership lost); its declaration is dropped. */
    void disconnectJobManager(JobID jobId, Exception cause);

    // ---- queries ----

    CompletableFuture<Collection<TaskManagerInfo>> requestTaskManagerInfo(@RpcTimeout Duration timeout);
}
