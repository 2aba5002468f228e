package io.freshet.runtime.resourcemanager;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.heartbeat.HeartbeatListener;
import io.freshet.runtime.heartbeat.HeartbeatManager;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.jobmaster.JobMasterGateway;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.slotmanager.ResourceActions;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.rpc.FencedRpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.SlotStatus;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * The ResourceManager: registers TaskExecutors and JobMasters, keeps them under heartbeat monitoring, and hands the
 * free slots of the TaskExecutors to the jobs that declared they need them (through its {@link SlotManager}).
 * Subclasses decide whether workers can be started and stopped: {@link StandaloneResourceManager} never does, the
 * YARN resource manager starts containers.
 *
 * <h2>Threading</h2>
 * An RPC endpoint: every gateway method, heartbeat callback, slot manager action and subclass hook runs on its
 * main thread, so its maps need no locks. Connecting to TaskExecutors and JobMasters happens off the main thread,
 * and the registration completes back on it.
 *
 * <h2>Leadership</h2>
 * Non-HA for now: the ResourceManager is leader from its start under the {@link ResourceManagerId} it generates at
 * construction ({@link #getResourceManagerId()}); callers connect with that fencing token. Calls carrying another
 * token are rejected.
 *
 * <h2>Lost peers</h2>
 * A TaskExecutor silent for {@code heartbeat.timeout} is dropped with its slots and told to register again; the
 * jobs that held slots there learn it from their own heartbeats with the TaskExecutor, and their declared needs
 * are served again from the remaining slots. A JobMaster silent for {@code heartbeat.timeout} loses its
 * registration and its declaration, and is told to register again.
 */
public abstract class ResourceManager extends FencedRpcEndpoint<ResourceManagerId> implements ResourceManagerGateway {

    /** The endpoint id of the ResourceManager in its RPC service. */
    public static final String RESOURCE_MANAGER_NAME = "resourcemanager";

    private final ResourceID resourceId;
    private final ResourceManagerId resourceManagerId;
    private final HeartbeatServices heartbeatServices;
    private final SlotManager slotManager;

    /** Registered TaskExecutors. */
    private final Map<ResourceID, WorkerRegistration> taskExecutors = new LinkedHashMap<>();
    /** The latest connection attempt per TaskExecutor; an older attempt that completes later is outdated. */
    private final Map<ResourceID, CompletableFuture<TaskExecutorGateway>> taskExecutorGatewayFutures = new HashMap<>();
    private final Map<JobID, JobManagerRegistration> jobManagerRegistrations = new HashMap<>();
    private final Map<ResourceID, JobManagerRegistration> jmResourceIdRegistrations = new HashMap<>();

    /** Created on start. */
    private HeartbeatManager<SlotReport, Void> taskManagerHeartbeatManager;
    private HeartbeatManager<Void, Void> jobManagerHeartbeatManager;

    /**
     * @param endpointId the id in {@code rpcService}, usually {@link #RESOURCE_MANAGER_NAME}
     * @param resourceId this ResourceManager's id in heartbeats
     */
    protected ResourceManager(RpcService rpcService, String endpointId, ResourceID resourceId,
            HeartbeatServices heartbeatServices, SlotManager slotManager) {
        this(rpcService, endpointId, resourceId, ResourceManagerId.generate(), heartbeatServices, slotManager);
    }

    /**
     * @param resourceManagerId the fencing token callers must use; a standalone cluster whose TaskManagers run in
     *     other processes uses the well-known default leader id, so they can connect without leader election
     */
    protected ResourceManager(RpcService rpcService, String endpointId, ResourceID resourceId,
            ResourceManagerId resourceManagerId, HeartbeatServices heartbeatServices, SlotManager slotManager) {
        super(rpcService, endpointId);
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.heartbeatServices = Objects.requireNonNull(heartbeatServices, "heartbeatServices");
        this.slotManager = Objects.requireNonNull(slotManager, "slotManager");
        this.resourceManagerId = Objects.requireNonNull(resourceManagerId, "resourceManagerId");
    }

    // ---- lifecycle ----

    @Override
    protected final void onStart() throws Exception {
        setFencingToken(resourceManagerId);
        taskManagerHeartbeatManager = heartbeatServices.createHeartbeatManagerSender(
                resourceId, new TaskManagerHeartbeatListener(), getMainThreadExecutor(), log);
        jobManagerHeartbeatManager = heartbeatServices.createHeartbeatManagerSender(
                resourceId, new JobManagerHeartbeatListener(), getMainThreadExecutor(), log);
        slotManager.start(resourceManagerId, getMainThreadExecutor(), new ResourceActionsImpl());
        initialize();
        log.info("ResourceManager {} started at {} with leader id {}.", resourceId, getAddress(), resourceManagerId);
    }

    @Override
    protected final CompletableFuture<Void> onStop() {
        Exception cause = new ResourceManagerException("The ResourceManager " + getAddress() + " is shutting down.");
        if (taskManagerHeartbeatManager != null) {
            taskManagerHeartbeatManager.stop();
        }
        if (jobManagerHeartbeatManager != null) {
            jobManagerHeartbeatManager.stop();
        }
        slotManager.close();
        for (WorkerRegistration worker : taskExecutors.values()) {
            worker.gateway.disconnectResourceManager(cause);
        }
        for (JobManagerRegistration jobManager : jobManagerRegistrations.values()) {
            jobManager.gateway.disconnectResourceManager(resourceManagerId, cause);
        }
        taskExecutors.clear();
        jobManagerRegistrations.clear();
        jmResourceIdRegistrations.clear();
        try {
            terminate();
        } catch (Exception e) {
            return FutureUtils.completedExceptionally(e);
        }
        return CompletableFuture.completedFuture(null);
    }

    /** The fencing token of this ResourceManager's leadership; valid from construction, served after start. */
    public final ResourceManagerId getResourceManagerId() {
        return resourceManagerId;
    }

    /** This ResourceManager's resource id in heartbeats. */
    public final ResourceID getResourceId() {
        return resourceId;
    }

    // ---- hooks for subclasses ----

    /** Starts the subclass's services (e.g. the YARN clients); on the main thread at the end of the start. */
    protected abstract void initialize() throws Exception;

    /** Stops the subclass's services; on the main thread when the ResourceManager stops. */
    protected abstract void terminate() throws Exception;

    /**
     * The declared slots exceed the free ones by {@code slotsNeeded}: start workers if possible.
     *
     * @return how many slots the started workers will bring; 0 if none were started
     */
    protected abstract int startNewWorker(int slotsNeeded);

    /**
     * Stops the idle worker {@code resourceId}.
     *
     * @return true if it is being stopped (it is then unregistered), false if it stays
     */
    protected abstract boolean stopWorker(ResourceID resourceId);

    /**
     * The TaskExecutor {@code resourceId} registered for the first time (a worker that {@link #startNewWorker}
     * started, or one started by someone else); its slots now count as registered, no longer as promised.
     */
    protected void onWorkerRegistered(ResourceID resourceId) {}

    /** Workers that {@link #startNewWorker} promised, bringing {@code slots} slots, will not come. */
    protected final void onWorkersFailedToStart(int slots) {
        validateRunsInMainThread();
        slotManager.notifyWorkersFailed(slots);
    }

    /** The worker {@code resourceId} ended (e.g. its container exited): drop it now rather than on heartbeat timeout. */
    protected final void onWorkerTerminated(ResourceID workerId, String diagnostics) {
        validateRunsInMainThread();
        closeTaskManagerConnection(workerId,
                new ResourceManagerException("The worker " + workerId + " terminated: " + diagnostics), false);
    }

    // ---- TaskExecutors ----

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskExecutor(TaskExecutorRegistration registration,
            SlotReport initialSlotReport, Duration timeout) {
        String problem = validateRegistration(registration, initialSlotReport);
        if (problem != null) {
            log.warn("Rejected the registration of {}: {}", registration, problem);
            return CompletableFuture.completedFuture(new RegistrationResponse.Rejection(problem));
        }
        ResourceID taskExecutorId = registration.getResourceId();
        CompletableFuture<TaskExecutorGateway> gatewayFuture =
                getRpcService().connect(registration.getRpcAddress(), TaskExecutorGateway.class);
        taskExecutorGatewayFutures.put(taskExecutorId, gatewayFuture);
        return gatewayFuture.handleAsync((gateway, error) -> {
            if (taskExecutorGatewayFutures.get(taskExecutorId) != gatewayFuture) {
                return new RegistrationResponse.Rejection("A newer registration attempt of TaskExecutor "
                        + taskExecutorId + " superseded this one.");
            }
            taskExecutorGatewayFutures.remove(taskExecutorId);
            if (error != null) {
                throw new CompletionException(new ResourceManagerException("The ResourceManager could not connect"
                        + " back to TaskExecutor " + taskExecutorId + " at " + registration.getRpcAddress()
                        + "; check that its RPC address is reachable from the JobManager.",
                        FutureUtils.stripCompletionException(error)));
            }
            return registerTaskExecutorInternal(gateway, registration, initialSlotReport);
        }, getMainThreadExecutor());
    }

    private static String validateRegistration(TaskExecutorRegistration registration, SlotReport slotReport) {
        if (slotReport.getSlots().size() != registration.getNumberOfSlots()) {
            return "The TaskExecutor announces " + registration.getNumberOfSlots() + " slots but its slot report"
                    + " lists " + slotReport.getSlots().size() + ".";
        }
        Set<Integer> slotNumbers = new HashSet<>();
        for (SlotStatus status : slotReport) {
            SlotID slotId = status.getSlotID();
            if (!slotId.getResourceID().equals(registration.getResourceId())) {
                return "Its slot report lists slot " + slotId + " of another TaskExecutor.";
            }
            if (!slotNumbers.add(slotId.getSlotNumber())) {
                return "Its slot report lists slot " + slotId + " twice.";
            }
        }
        return null;
    }

    private RegistrationResponse registerTaskExecutorInternal(TaskExecutorGateway gateway,
            TaskExecutorRegistration registration, SlotReport slotReport) {
        ResourceID taskExecutorId = registration.getResourceId();
        WorkerRegistration previous = taskExecutors.get(taskExecutorId);
        if (previous != null) {
            log.info("TaskExecutor {} registers again; replacing its registration {}.", taskExecutorId,
                    previous.registrationId);
        }
        WorkerRegistration worker = new WorkerRegistration(registration, gateway, UUID.randomUUID().toString());
        taskExecutors.put(taskExecutorId, worker);
        taskManagerHeartbeatManager.monitorTarget(taskExecutorId,
                (origin, ignored) -> gateway.heartbeatFromResourceManager(origin));
        slotManager.registerTaskManager(taskExecutorId, gateway, slotReport);
        if (previous == null) {
            log.info("Registered {}.", registration);
            onWorkerRegistered(taskExecutorId);
        }
        return new RegistrationResponse.Success(worker.registrationId);
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, SlotReport slotReport) {
        taskManagerHeartbeatManager.receiveHeartbeat(taskManagerId, slotReport);
    }

    @Override
    public void disconnectTaskManager(ResourceID taskManagerId, Exception cause) {
        closeTaskManagerConnection(taskManagerId, cause, false);
    }

    /** Drops a TaskExecutor with its slots; tells it to register again if {@code tellTaskExecutor}. */
    private void closeTaskManagerConnection(ResourceID taskExecutorId, Exception cause, boolean tellTaskExecutor) {
        taskManagerHeartbeatManager.unmonitorTarget(taskExecutorId);
        WorkerRegistration worker = taskExecutors.remove(taskExecutorId);
        if (worker == null) {
            log.debug("Ignored the disconnection of unknown TaskExecutor {}.", taskExecutorId);
            return;
        }
        Set<JobID> affectedJobs = slotManager.unregisterTaskManager(taskExecutorId, cause);
        log.info("TaskExecutor {} is no longer registered: {}{}", taskExecutorId, cause.getMessage(),
                affectedJobs.isEmpty() ? "" : " Jobs with slots on it (their JobMasters notice through their own"
                        + " heartbeats; their needs are served again): " + affectedJobs);
        if (tellTaskExecutor) {
            worker.gateway.disconnectResourceManager(cause);
        }
    }

    // ---- JobMasters ----

    @Override
    public CompletableFuture<RegistrationResponse> registerJobMaster(JobMasterId jobMasterId,
            ResourceID jobManagerResourceId, String jobMasterAddress, JobID jobId, Duration timeout) {
        CompletableFuture<JobMasterGateway> gatewayFuture =
                getRpcService().connect(jobMasterAddress, jobMasterId, JobMasterGateway.class);
        return gatewayFuture.handleAsync((gateway, error) -> {
            if (error != null) {
                throw new CompletionException(new ResourceManagerException("The ResourceManager could not connect"
                        + " back to the JobMaster of job " + jobId + " at " + jobMasterAddress + ".",
                        FutureUtils.stripCompletionException(error)));
            }
            return registerJobMasterInternal(gateway, jobId, jobMasterAddress, jobManagerResourceId, jobMasterId);
        }, getMainThreadExecutor());
    }

    private RegistrationResponse registerJobMasterInternal(JobMasterGateway gateway, JobID jobId,
            String jobMasterAddress, ResourceID jobManagerResourceId, JobMasterId jobMasterId) {
        JobManagerRegistration sharing = jmResourceIdRegistrations.get(jobManagerResourceId);
        if (sharing != null && !sharing.jobId.equals(jobId)) {
            String reason = "The resource id " + jobManagerResourceId + " is already registered by the JobMaster of"
                    + " job " + sharing.jobId + "; each JobMaster needs its own.";
            log.warn("Rejected the JobMaster of job {}: {}", jobId, reason);
            return new RegistrationResponse.Rejection(reason);
        }
        JobManagerRegistration previous = jobManagerRegistrations.get(jobId);
        boolean sameLeader = previous != null && previous.jobMasterId.equals(jobMasterId);
        if (previous != null) {
            // A new leader declares its own needs; the same leader registering again keeps its declaration.
            removeJobManagerRegistration(previous, !sameLeader);
            log.info("The JobMaster of job {} registers again{}.", jobId,
                    sameLeader ? "" : " as a new leader (" + jobMasterId + ", was " + previous.jobMasterId + ")");
        }
        JobManagerRegistration registration =
                new JobManagerRegistration(jobId, jobManagerResourceId, jobMasterId, jobMasterAddress, gateway);
        jobManagerRegistrations.put(jobId, registration);
        jmResourceIdRegistrations.put(jobManagerResourceId, registration);
        jobManagerHeartbeatManager.monitorTarget(jobManagerResourceId,
                (origin, ignored) -> gateway.heartbeatFromResourceManager(origin));
        if (previous == null) {
            log.info("Registered the JobMaster of job {} at {}.", jobId, jobMasterAddress);
        }
        return new RegistrationResponse.Success(UUID.randomUUID().toString());
    }

    @Override
    public CompletableFuture<Acknowledge> declareRequiredResources(JobMasterId jobMasterId, JobID jobId,
            int numberOfSlots, Duration timeout) {
        if (numberOfSlots < 0) {
            return FutureUtils.completedExceptionally(new IllegalArgumentException(
                    "Job " + jobId + " declared a negative number of slots: " + numberOfSlots));
        }
        JobManagerRegistration registration = jobManagerRegistrations.get(jobId);
        if (registration == null) {
            return FutureUtils.completedExceptionally(new ResourceManagerException("Job " + jobId + " has no"
                    + " registered JobMaster at this ResourceManager; the JobMaster must register first."));
        }
        if (!registration.jobMasterId.equals(jobMasterId)) {
            return FutureUtils.completedExceptionally(new ResourceManagerException("The JobMaster " + jobMasterId
                    + " of job " + jobId + " is not the registered one (" + registration.jobMasterId
                    + "); it probably lost its leadership."));
        }
        slotManager.processResourceRequirements(jobId, registration.address, numberOfSlots);
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void heartbeatFromJobManager(ResourceID jobManagerResourceId) {
        jobManagerHeartbeatManager.receiveHeartbeat(jobManagerResourceId, null);
    }

    @Override
    public void disconnectJobManager(JobID jobId, Exception cause) {
        JobManagerRegistration registration = jobManagerRegistrations.get(jobId);
        if (registration == null) {
            log.debug("Ignored the disconnection of the unknown JobMaster of job {}.", jobId);
            return;
        }
        removeJobManagerRegistration(registration, true);
        log.info("Disconnected the JobMaster of job {}: {}", jobId, cause.getMessage());
    }

    private void removeJobManagerRegistration(JobManagerRegistration registration, boolean dropDeclaration) {
        jobManagerRegistrations.remove(registration.jobId, registration);
        jmResourceIdRegistrations.remove(registration.resourceId, registration);
        jobManagerHeartbeatManager.unmonitorTarget(registration.resourceId);
        if (dropDeclaration) {
            slotManager.clearResourceRequirements(registration.jobId);
        }
    }

    // ---- queries ----

    @Override
    public CompletableFuture<Collection<TaskManagerInfo>> requestTaskManagerInfo(Duration timeout) {
        List<TaskManagerInfo> infos = new ArrayList<>(taskExecutors.size());
        for (Map.Entry<ResourceID, WorkerRegistration> entry : taskExecutors.entrySet()) {
            infos.add(new TaskManagerInfo(entry.getValue().registration,
                    slotManager.getNumberFreeSlotsOf(entry.getKey()),
                    taskManagerHeartbeatManager.getLastHeartbeatFrom(entry.getKey())));
        }
        return CompletableFuture.completedFuture(infos);
    }

    // ---- callbacks ----

    private final class TaskManagerHeartbeatListener implements HeartbeatListener<SlotReport, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            closeTaskManagerConnection(resourceId, new TimeoutException("The heartbeat of TaskManager " + resourceId
                    + " timed out ('heartbeat.timeout' is " + heartbeatServices.getHeartbeatTimeout().toMillis()
                    + " ms)."), true);
        }

        @Override
        public void reportPayload(ResourceID resourceId, SlotReport slotReport) {
            if (slotReport != null) {
                slotManager.reportSlotStatus(resourceId, slotReport);
            }
        }
    }

    private final class JobManagerHeartbeatListener implements HeartbeatListener<Void, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            JobManagerRegistration registration = jmResourceIdRegistrations.get(resourceId);
            if (registration == null) {
                return;
            }
            TimeoutException cause = new TimeoutException("The heartbeat of the JobMaster of job "
                    + registration.jobId + " (" + resourceId + ") timed out ('heartbeat.timeout' is "
                    + heartbeatServices.getHeartbeatTimeout().toMillis() + " ms).");
            removeJobManagerRegistration(registration, true);
            log.info("{} Dropped its registration and its declared slots.", cause.getMessage());
            registration.gateway.disconnectResourceManager(resourceManagerId, cause);
        }

        @Override
        public void reportPayload(ResourceID resourceId, Void payload) {}
    }

    private final class ResourceActionsImpl implements ResourceActions {
        @Override
        public int allocateResources(int slotsNeeded) {
            return startNewWorker(slotsNeeded);
        }

        @Override
        public boolean releaseResource(ResourceID workerId, Exception cause) {
            if (!stopWorker(workerId)) {
                return false;
            }
            closeTaskManagerConnection(workerId, cause, false);
            return true;
        }
    }

    // ---- registrations ----

    private static final class WorkerRegistration {
        private final TaskExecutorRegistration registration;
        private final TaskExecutorGateway gateway;
        private final String registrationId;

        WorkerRegistration(TaskExecutorRegistration registration, TaskExecutorGateway gateway,
                String registrationId) {
            this.registration = registration;
            this.gateway = gateway;
            this.registrationId = registrationId;
        }
    }

    private static final class JobManagerRegistration {
        private final JobID jobId;
        private final ResourceID resourceId;
        private final JobMasterId jobMasterId;
        private final String address;
        private final JobMasterGateway gateway;

        JobManagerRegistration(JobID jobId, ResourceID resourceId, JobMasterId jobMasterId, String address,
                JobMasterGateway gateway) {
            this.jobId = jobId;
            this.resourceId = resourceId;
            this.jobMasterId = jobMasterId;
            this.address = address;
            this.gateway = gateway;
        }
    }
}
