package io.freshet.runtime.taskexecutor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.freshet.api.common.JobID;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.execution.librarycache.LibraryCacheManager.ClassLoaderLease;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.jobmaster.JobMasterGateway;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalListener;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.FatalErrorHandler;
import io.freshet.runtime.rpc.RpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcTimeoutException;
import io.freshet.runtime.taskexecutor.exceptions.SlotAllocationException;
import io.freshet.runtime.taskexecutor.exceptions.TaskException;
import io.freshet.runtime.taskexecutor.exceptions.TaskManagerException;
import io.freshet.runtime.taskexecutor.exceptions.TaskSubmissionException;
import io.freshet.runtime.taskexecutor.slot.SlotNotFoundException;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskexecutor.slot.TaskSlot;
import io.freshet.runtime.taskexecutor.slot.TaskSlotState;
import io.freshet.runtime.taskexecutor.slot.TaskSlotTable;
import io.freshet.runtime.taskmanager.Task;
import io.freshet.runtime.taskmanager.TaskExecutionState;
import io.freshet.runtime.taskmanager.TaskManagerActions;
import io.freshet.util.clock.Clock;

/**
 * The TaskExecutor: offers its slots through the ResourceManager to JobMasters and runs their tasks, one thread
 * per {@link Task}.
 *
 * <h2>Threads</h2>
 * Everything that reads or changes the TaskExecutor's state (the slot table, the ResourceManager and JobMaster
 * connections, heartbeat bookkeeping) runs on the endpoint's main thread: RPCs, completions of the calls it makes
 * (through {@code *Async(..., getMainThreadExecutor())}), leader notifications and task state reports (through
 * {@code runAsync}). Task threads and cancellation threads never touch that state.
 *
 * <h2>Connections</h2>
 * <ul>
 *   <li>ResourceManager: found through its leader retrieval service; the TaskExecutor registers with its
 *       {@link TaskExecutorRegistration} and current {@link SlotReport}, retrying failed attempts with a backoff
 *       that doubles up to a maximum, and registers again after {@link #disconnectResourceManager}, a new leader,
 *       or a heartbeat timeout. Slot requests from any other ResourceManager session are rejected.</li>
 *   <li>JobMasters: a slot request names the job's JobMaster address; the TaskExecutor retrieves the job's leader
 *       through a {@link JobManagerLeaderRetrieverProvider} (standalone: that address, with the default leader
 *       session id as {@link JobMasterId}), connects fenced with that id, registers and offers the job's ALLOCATED
 *       slots. Accepted slots become ACTIVE, rejected ones are freed. Task submissions must carry the same
 *       {@link JobMasterId}. The connection lasts until the JobMaster {@linkplain #disconnectJobManager disconnects}
 *       the job, loses leadership, or stops sending heartbeats; then the job's tasks fail, its slots are freed and
 *       its partitions released.</li>
 *   <li>Heartbeats: answered with the slot report (ResourceManager) or the job's running attempts (JobMaster).
 *       Every {@code heartbeat.interval} the TaskExecutor checks when it last heard of each peer; a peer silent for
 *       {@code heartbeat.timeout} is treated as lost.</li>
 * </ul>
 *
 * <h2>Slots</h2>
 * See {@link TaskSlotTable}. A slot allocated by a request but not accepted (or used) within
 * {@code taskmanager.slot.timeout} is freed. The ResourceManager learns of freed slots from the next slot report.
 */
public class TaskExecutor extends RpcEndpoint implements TaskExecutorGateway {

    public static final String TASK_MANAGER_NAME = "taskmanager";

    private static final AtomicInteger ENDPOINT_COUNTER = new AtomicInteger();

    private final TaskManagerConfiguration configuration;
    private final ResourceID resourceId;
    private final LeaderRetrievalService resourceManagerLeaderRetriever;
    private final JobManagerLeaderRetrieverProvider jobManagerLeaderRetrieverProvider;
    private final TaskManagerServices services;
    private final FatalErrorHandler fatalErrorHandler;
    private final Clock clock;
    private final TaskSlotTable taskSlotTable;
    private final TaskExecutorRegistration registration;

    // ---- state of the main thread ----

    private String resourceManagerAddress;
    private ResourceManagerId resourceManagerId;
    /** Grows with every new attempt sequence; answers of older sequences are dropped. */
    private long resourceManagerRegistrationGeneration;
    /** Main thread only: bumped to cancel a running registration timeout. */
    private long registrationTimeoutGeneration;
    private EstablishedResourceManagerConnection resourceManagerConnection;

    private final Map<JobID, JobManagerConnection> jobs = new HashMap<>();
    /** See {@link #delayFinalStateReportsForTesting}; zero outside tests. */
    private volatile Duration finalStateReportDelayForTesting = Duration.ZERO;

    public TaskExecutor(RpcService rpcService, TaskManagerConfiguration configuration, ResourceID resourceId,
            LeaderRetrievalService resourceManagerLeaderRetriever,
            JobManagerLeaderRetrieverProvider jobManagerLeaderRetrieverProvider, TaskManagerServices services,
            FatalErrorHandler fatalErrorHandler, Clock clock) {
        super(rpcService, TASK_MANAGER_NAME + "_" + ENDPOINT_COUNTER.getAndIncrement());
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.resourceManagerLeaderRetriever =
                Objects.requireNonNull(resourceManagerLeaderRetriever, "resourceManagerLeaderRetriever");
        this.jobManagerLeaderRetrieverProvider =
                Objects.requireNonNull(jobManagerLeaderRetrieverProvider, "jobManagerLeaderRetrieverProvider");
        this.services = Objects.requireNonNull(services, "services");
        this.fatalErrorHandler = Objects.requireNonNull(fatalErrorHandler, "fatalErrorHandler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.taskSlotTable = new TaskSlotTable(resourceId, configuration.getNumberOfSlots());
        this.registration = createRegistration();
    }

    private TaskExecutorRegistration createRegistration() {
        String dataHost = configuration.getConfiguration().getOptional(TaskManagerOptions.HOST).orElse(getHostname());
        int cpuCores = configuration.getConfiguration().getOptional(TaskManagerOptions.CPU_CORES)
                .map(Double::intValue).orElse(configuration.getNumberOfSlots());
        long physicalMemory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean) {
            physicalMemory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getTotalMemorySize();
        }
        return new TaskExecutorRegistration(resourceId, getAddress(), dataHost,
                services.getShuffleEnvironment().getDataPort(), configuration.getNumberOfSlots(), cpuCores,
                physicalMemory, Runtime.getRuntime().maxMemory(), services.getMemoryManager().getMemorySize());
    }

    public ResourceID getResourceID() {
        return resourceId;
    }

    // ---- lifecycle ----

    @Override
    protected void onStart() throws Exception {
        startRegistrationTimeout();
        resourceManagerLeaderRetriever.start(new ResourceManagerLeaderListener());
        scheduleRunAsync(this::checkHeartbeats, configuration.getHeartbeatInterval());
    }

    /**
     * Leaves the ResourceManager and the JobMasters, fails every task and waits (up to the cancellation timeout)
     * for their threads to end, then closes the services.
     */
    @Override
    protected CompletableFuture<Void> onStop() {
        log.info("Stopping TaskExecutor {}.", getAddress());
        Exception cause = new TaskManagerException("The TaskExecutor " + resourceId + " is shutting down.");
        try {
            resourceManagerLeaderRetriever.stop();
        } catch (Exception e) {
            log.warn("Could not stop the ResourceManager leader retrieval.", e);
        }
        closeResourceManagerConnection(cause, true);
        resourceManagerAddress = null;
        for (JobID jobId : new ArrayList<>(jobs.keySet())) {
            releaseJob(jobId, cause, true);
        }
        List<CompletableFuture<ExecutionState>> terminations = new ArrayList<>();
        for (Task task : taskSlotTable.getAllTasks()) {
            task.failExternally(cause);
            terminations.add(task.getTerminationFuture());
        }
        Duration wait = configuration.getCancellationTimeout().isZero()
                ? configuration.getCancellationInterval().multipliedBy(2)
                : configuration.getCancellationTimeout().plus(configuration.getCancellationInterval());
        CompletableFuture<Void> allEnded = CompletableFuture.allOf(terminations.toArray(new CompletableFuture<?>[0]));
        return FutureUtils.orTimeout(allEnded, wait, getRpcService().getScheduledExecutor(),
                        "Tasks of TaskExecutor " + resourceId + " did not end within " + wait.toMillis() + " ms.")
                .handle((ignored, error) -> {
                    if (error != null) {
                        log.warn("Not all tasks ended before the TaskExecutor stopped.", error);
                    }
                    services.close();
                    return null;
                });
    }

    // ---- ResourceManager connection ----

    private final class ResourceManagerLeaderListener implements LeaderRetrievalListener {
        @Override
        public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
            runAsync(() -> notifyOfNewResourceManagerLeader(leaderAddress,
                    leaderSessionId == null ? null : new ResourceManagerId(leaderSessionId)));
        }

        @Override
        public void handleError(Exception exception) {
            fatalErrorHandler.onFatalError(new TaskManagerException(
                    "The TaskExecutor cannot find the ResourceManager leader any more.", exception));
        }
    }

    private void notifyOfNewResourceManagerLeader(String address, ResourceManagerId id) {
        validateRunsInMainThread();
        log.info("The ResourceManager leader is {} ({}).", address, id);
        closeResourceManagerConnection(
                new TaskManagerException("A new ResourceManager leader was found at " + address + "."), true);
        resourceManagerAddress = address;
        resourceManagerId = id;
        startRegistrationAtResourceManager();
    }

    /**
     * A TaskExecutor that stays without a ResourceManager for {@code taskmanager.registration.timeout} (at its start,
     * or after losing the connection) gives up through the fatal error handler: a TaskManager process then exits
     * instead of waiting forever for a JobManager that is not coming.
     */
    private void startRegistrationTimeout() {
        long generation = ++registrationTimeoutGeneration;
        Duration timeout = configuration.getRegistrationTimeout();
        scheduleRunAsync(() -> {
            if (generation == registrationTimeoutGeneration && resourceManagerConnection == null && isRunning()) {
                fatalErrorHandler.onFatalError(new TaskManagerException("TaskExecutor " + resourceId + " could not"
                        + " register at the ResourceManager " + (resourceManagerAddress == null ? "(no leader found)"
                                : resourceManagerAddress) + " within " + timeout.toMillis() + " ms ("
                        + TaskManagerOptions.REGISTRATION_TIMEOUT.key() + "); shutting down. Check that the"
                        + " JobManager runs and that 'jobmanager.rpc.address'/'jobmanager.rpc.port' point at it."));
            }
        }, timeout);
    }

    private void startRegistrationAtResourceManager() {
        resourceManagerRegistrationGeneration++;
        if (resourceManagerAddress != null && resourceManagerId != null) {
            registerAtResourceManager(resourceManagerRegistrationGeneration, 1);
        }
    }

    private void registerAtResourceManager(long generation, int attempt) {
        validateRunsInMainThread();
        if (generation != resourceManagerRegistrationGeneration || resourceManagerConnection != null || !isRunning()) {
            return;
        }
        String address = resourceManagerAddress;
        ResourceManagerId id = resourceManagerId;
        SlotReport slotReport = taskSlotTable.createSlotReport();
        log.debug("Registering at ResourceManager {} ({}), attempt {}.", address, id, attempt);
        getRpcService().connect(address, id, ResourceManagerGateway.class)
                .thenCompose(gateway -> gateway
                        .registerTaskExecutor(registration, slotReport, configuration.getRpcTimeout())
                        .thenApply(response -> new Registered<>(gateway, response)))
                .whenCompleteAsync((registered, error) -> {
                    if (generation != resourceManagerRegistrationGeneration || resourceManagerConnection != null) {
                        return;
                    }
                    if (error != null) {
                        Duration delay = backoff(attempt);
                        log.info("Could not register at ResourceManager {} (attempt {}): {}. Retrying in {} ms.",
                                address, attempt, FutureUtils.stripCompletionException(error).getMessage(),
                                delay.toMillis());
                        scheduleRunAsync(() -> registerAtResourceManager(generation, attempt + 1), delay);
                    } else if (registered.response instanceof RegistrationResponse.Success) {
                        RegistrationResponse.Success success = (RegistrationResponse.Success) registered.response;
                        resourceManagerConnection = new EstablishedResourceManagerConnection(registered.gateway, id,
                                success.getResourceId(), clock.relativeTimeMillis());
                        registrationTimeoutGeneration++; // registered: the running timeout no longer applies
                        log.info("Successful registration at ResourceManager {} under registration id {}.", address,
                                success.getRegistrationId());
                    } else {
                        String reason = ((RegistrationResponse.Rejection) registered.response).getReason();
                        log.error("The ResourceManager {} rejected the registration of TaskExecutor {}: {}", address,
                                resourceId, reason);
                        fatalErrorHandler.onFatalError(new TaskManagerException("The registration of TaskExecutor "
                                + resourceId + " at the ResourceManager " + address + " was rejected: " + reason));
                    }
                }, getMainThreadExecutor());
    }

    private Duration backoff(int attempt) {
        Duration delay = configuration.getInitialRegistrationBackoff();
        for (int i = 1; i < attempt && delay.compareTo(configuration.getMaxRegistrationBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(configuration.getMaxRegistrationBackoff()) > 0
                ? configuration.getMaxRegistrationBackoff() : delay;
    }

    private void closeResourceManagerConnection(Exception cause, boolean tellResourceManager) {
        EstablishedResourceManagerConnection connection = resourceManagerConnection;
        if (connection == null) {
            return;
        }
        resourceManagerConnection = null;
        log.info("Closing the ResourceManager connection {}: {}", connection.gateway.getAddress(), cause.getMessage());
        if (isRunning()) {
            startRegistrationTimeout();
        }
        if (tellResourceManager) {
            connection.gateway.disconnectTaskManager(resourceId, cause);
        }
    }

    private void reconnectToResourceManager(Exception cause, boolean tellResourceManager) {
        closeResourceManagerConnection(cause, tellResourceManager);
        startRegistrationAtResourceManager();
    }

    @Override
    public void disconnectResourceManager(Exception cause) {
        log.info("The ResourceManager disconnected TaskExecutor {}: {}", resourceId,
                cause == null ? "no reason given" : cause.getMessage());
        reconnectToResourceManager(cause == null ? new TaskManagerException("Disconnected") : cause, false);
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerResourceId) {
        EstablishedResourceManagerConnection connection = resourceManagerConnection;
        if (connection == null || (connection.resourceId != null
                && !connection.resourceId.equals(resourceManagerResourceId))) {
            log.debug("Ignoring a heartbeat from ResourceManager {}: not registered there.", resourceManagerResourceId);
            return;
        }
        connection.lastHeartbeat = clock.relativeTimeMillis();
        connection.gateway.heartbeatFromTaskManager(resourceId, taskSlotTable.createSlotReport());
    }

    /** Whether this TaskExecutor is registered at a ResourceManager right now. Main thread only. */
    boolean isConnectedToResourceManager() {
        return resourceManagerConnection != null;
    }

    // ---- heartbeat monitoring ----

    private void checkHeartbeats() {
        long now = clock.relativeTimeMillis();
        long timeout = configuration.getHeartbeatTimeout().toMillis();
        EstablishedResourceManagerConnection rm = resourceManagerConnection;
        if (rm != null && now - rm.lastHeartbeat > timeout) {
            log.info("The heartbeat of ResourceManager {} timed out; registering again.", rm.gateway.getAddress());
            reconnectToResourceManager(new TimeoutException("The heartbeat of ResourceManager with id "
                    + rm.resourceManagerId + " timed out."), true);
        }
        for (JobManagerConnection job : new ArrayList<>(jobs.values())) {
            if (job.gateway != null && now - job.lastHeartbeat > timeout) {
                log.info("The heartbeat of JobManager {} of job {} timed out.", job.address, job.jobId);
                releaseJob(job.jobId, new TimeoutException("The heartbeat of JobManager " + job.address
                        + " of job " + job.jobId + " timed out."), true);
            }
        }
        scheduleRunAsync(this::checkHeartbeats, configuration.getHeartbeatInterval());
    }

    // ---- slot requests and offers ----

    @Override
    public CompletableFuture<Acknowledge> requestSlot(SlotID slotId, JobID jobId, AllocationID allocationId,
            String jobMasterAddress, ResourceManagerId requestingResourceManagerId, Duration timeout) {
        log.info("Receive slot request {} for job {} from ResourceManager with leader id {}.", allocationId, jobId,
                requestingResourceManagerId);
        if (resourceManagerConnection == null
                || !resourceManagerConnection.resourceManagerId.equals(requestingResourceManagerId)) {
            return FutureUtils.completedExceptionally(new SlotAllocationException("TaskExecutor " + resourceId
                    + " is not connected to the ResourceManager with leader id " + requestingResourceManagerId
                    + "; the slot request " + allocationId + " for job " + jobId + " is rejected."));
        }
        if (!slotId.getResourceID().equals(resourceId)) {
            return FutureUtils.completedExceptionally(new SlotAllocationException("The slot request " + allocationId
                    + " names slot " + slotId + " of another TaskExecutor; this is " + resourceId + "."));
        }
        Object ticket = new Object();
        try {
            if (taskSlotTable.allocateSlot(slotId.getSlotNumber(), jobId, allocationId, ticket)) {
                scheduleRunAsync(() -> timeoutSlot(allocationId, ticket), configuration.getSlotTimeout());
            }
        } catch (SlotNotFoundException e) {
            return FutureUtils.completedExceptionally(new SlotAllocationException(e.getMessage()));
        }
        JobManagerConnection job = jobs.get(jobId);
        if (job == null) {
            startJobLeaderRetrieval(jobId, jobMasterAddress);
        } else if (job.gateway != null) {
            offerSlotsToJobManager(job);
        }
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    private void timeoutSlot(AllocationID allocationId, Object ticket) {
        if (taskSlotTable.isValidTimeout(allocationId, ticket)) {
            log.info("Free slot {}: it was not accepted within {} ms ('{}').", allocationId,
                    configuration.getSlotTimeout().toMillis(), TaskManagerOptions.SLOT_TIMEOUT.key());
            freeSlotInternal(allocationId, new TimeoutException("The slot " + allocationId + " was not used within '"
                    + TaskManagerOptions.SLOT_TIMEOUT.key() + "' (" + configuration.getSlotTimeout().toMillis()
                    + " ms)."));
        }
    }

    private void offerSlotsToJobManager(JobManagerConnection job) {
        List<TaskSlot> allocated = taskSlotTable.getAllocatedSlots(job.jobId);
        if (allocated.isEmpty()) {
            return;
        }
        List<SlotOffer> offers = new ArrayList<>();
        for (TaskSlot slot : allocated) {
            offers.add(new SlotOffer(slot.getAllocationId(), slot.getIndex()));
        }
        JobMasterGateway gateway = job.gateway;
        log.info("Offer {} slots of job {} to JobManager {}.", offers.size(), job.jobId, job.address);
        gateway.offerSlots(resourceId, offers, configuration.getRpcTimeout()).whenCompleteAsync((accepted, error) -> {
            if (jobs.get(job.jobId) != job || job.gateway != gateway) {
                return; // the connection changed meanwhile; the new one offers again
            }
            if (error != null) {
                Throwable cause = FutureUtils.stripCompletionException(error);
                if (cause instanceof RpcTimeoutException || cause instanceof TimeoutException) {
                    log.info("Offering slots to JobManager {} timed out; offering again.", job.address);
                    offerSlotsToJobManager(job);
                    return;
                }
                log.warn("Could not offer slots to JobManager {}; freeing them.", job.address, cause);
                for (SlotOffer offer : offers) {
                    freeSlotInternal(offer.getAllocationId(), cause instanceof Exception ? (Exception) cause
                            : new TaskManagerException("Offering the slot failed.", cause));
                }
                return;
            }
            for (SlotOffer offer : offers) {
                if (accepted.contains(offer)) {
                    taskSlotTable.markSlotActive(offer.getAllocationId());
                } else {
                    log.info("The JobManager {} rejected slot {}; freeing it.", job.address, offer);
                    freeSlotInternal(offer.getAllocationId(), new TaskManagerException("The slot "
                            + offer.getAllocationId() + " was rejected by the JobManager of job " + job.jobId + "."));
                }
            }
        }, getMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Acknowledge> freeSlot(AllocationID allocationId, Throwable cause, Duration timeout) {
        freeSlotInternal(allocationId, cause == null ? new TaskManagerException("The slot was freed.") : cause);
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    private void freeSlotInternal(AllocationID allocationId, Throwable cause) {
        Optional<TaskSlot> freed = taskSlotTable.freeSlot(allocationId);
        if (freed.isEmpty()) {
            log.debug("Could not free slot {}: it is not allocated.", allocationId);
            return;
        }
        TaskSlot slot = freed.get();
        if (slot.getState() == TaskSlotState.RELEASING) {
            log.info("Free slot {} of job {}: failing its {} tasks first.", allocationId, slot.getJobId(),
                    slot.getTasks().size());
            for (Task task : slot.getTasks()) {
                task.failExternally(cause);
            }
        } else {
            log.info("Free slot {} of job {}.", allocationId, slot.getJobId());
        }
        reportSlotsToResourceManager();
    }

    /**
     * Tells the ResourceManager about the slots now, instead of with the next heartbeat, so that a freed slot can
     * serve the next job at once (the heartbeat interval is 10 s by default).
     */
    private void reportSlotsToResourceManager() {
        EstablishedResourceManagerConnection connection = resourceManagerConnection;
        if (connection != null) {
            connection.gateway.heartbeatFromTaskManager(resourceId, taskSlotTable.createSlotReport());
        }
    }

    /**
     * Test seam: forgets the task of {@code executionAttemptId} as if its final state report had been lost (the task
     * itself keeps running, unknown to this TaskExecutor).
     */
    CompletableFuture<Boolean> forgetTaskForTesting(ExecutionAttemptID executionAttemptId) {
        return callOnMainThread(() -> taskSlotTable.removeTask(executionAttemptId).isPresent());
    }

    /** Test seam: final task states reach the JobMaster {@code delay} late, as over a slow connection. */
    void delayFinalStateReportsForTesting(Duration delay) {
        finalStateReportDelayForTesting = delay;
    }

    /** Runs {@code callable} on the main thread; lets tests read state without races. */
    <V> CompletableFuture<V> callOnMainThread(java.util.concurrent.Callable<V> callable) {
        return callAsync(callable, configuration.getRpcTimeout());
    }

    /** The current slot report. Main thread only. */
    SlotReport createSlotReport() {
        return taskSlotTable.createSlotReport();
    }

    // ---- JobMaster connections ----

    private void startJobLeaderRetrieval(JobID jobId, String defaultAddress) {
        LeaderRetrievalService retriever =
                jobManagerLeaderRetrieverProvider.getJobManagerLeaderRetriever(jobId, defaultAddress);
        JobManagerConnection job = new JobManagerConnection(jobId, retriever);
        jobs.put(jobId, job);
        try {
            retriever.start(new LeaderRetrievalListener() {
                @Override
                public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
                    runAsync(() -> notifyOfNewJobManagerLeader(job, leaderAddress, leaderSessionId));
                }

                @Override
                public void handleError(Exception exception) {
                    runAsync(() -> {
                        if (jobs.get(jobId) == job) {
                            log.warn("Leader retrieval of the JobManager of job {} failed.", jobId, exception);
                            releaseJob(jobId, exception, true);
                        }
                    });
                }
            });
        } catch (Exception e) {
            log.warn("Could not start the leader retrieval of the JobManager of job {}.", jobId, e);
            releaseJob(jobId, e, false);
        }
    }

    private void notifyOfNewJobManagerLeader(JobManagerConnection job, String address, UUID leaderSessionId) {
        if (jobs.get(job.jobId) != job) {
            return;
        }
        if (job.gateway != null) {
            // The old leader is gone: its tasks fail, the job's slots wait (with their timeout) for the new one.
            Exception cause = new TaskManagerException("The JobManager " + job.address + " of job " + job.jobId
                    + " lost its leadership.");
            failTasksOfJob(job.jobId, cause);
            for (AllocationID allocationId : taskSlotTable.getAllocationIdsPerJob(job.jobId)) {
                Object ticket = new Object();
                if (taskSlotTable.markSlotInactive(allocationId, ticket)) {
                    scheduleRunAsync(() -> timeoutSlot(allocationId, ticket), configuration.getSlotTimeout());
                }
            }
            job.gateway.disconnectTaskManager(resourceId, cause);
            job.gateway = null;
        }
        job.generation++;
        job.address = address;
        job.jobMasterId = leaderSessionId == null ? null : new JobMasterId(leaderSessionId);
        if (address != null && leaderSessionId != null) {
            registerAtJobManager(job, job.generation, 1);
        }
    }

    private void registerAtJobManager(JobManagerConnection job, long generation, int attempt) {
        if (jobs.get(job.jobId) != job || job.generation != generation || job.gateway != null || !isRunning()) {
            return;
        }
        String address = job.address;
        JobMasterId jobMasterId = job.jobMasterId;
        getRpcService().connect(address, jobMasterId, JobMasterGateway.class)
                .thenCompose(gateway -> gateway
                        .registerTaskManager(job.jobId, registration, configuration.getRpcTimeout())
                        .thenApply(response -> new Registered<>(gateway, response)))
                .whenCompleteAsync((registered, error) -> {
                    if (jobs.get(job.jobId) != job || job.generation != generation || job.gateway != null) {
                        return;
                    }
                    if (error != null) {
                        Duration delay = backoff(attempt);
                        log.info("Could not register at JobManager {} of job {} (attempt {}): {}. Retrying in {} ms.",
                                address, job.jobId, attempt, FutureUtils.stripCompletionException(error).getMessage(),
                                delay.toMillis());
                        scheduleRunAsync(() -> registerAtJobManager(job, generation, attempt + 1), delay);
                    } else if (registered.response instanceof RegistrationResponse.Success) {
                        RegistrationResponse.Success success = (RegistrationResponse.Success) registered.response;
                        job.gateway = registered.gateway;
                        job.jobManagerResourceId = success.getResourceId();
                        job.lastHeartbeat = clock.relativeTimeMillis();
                        log.info("Successful registration at JobManager {} for job {}.", address, job.jobId);
                        offerSlotsToJobManager(job);
                    } else {
                        String reason = ((RegistrationResponse.Rejection) registered.response).getReason();
                        log.warn("The JobManager {} of job {} rejected the registration: {}", address, job.jobId,
                                reason);
                        releaseJob(job.jobId, new TaskManagerException("The JobManager " + address + " of job "
                                + job.jobId + " rejected the registration of TaskExecutor " + resourceId + ": "
                                + reason), false);
                    }
                }, getMainThreadExecutor());
    }

    /**
     * The job leaves this TaskExecutor: stop following its leader, tell its JobMaster (if asked to), fail its
     * tasks, free its slots, release its partitions.
     */
    private void releaseJob(JobID jobId, Throwable cause, boolean tellJobManager) {
        JobManagerConnection job = jobs.remove(jobId);
        if (job == null) {
            return;
        }
        log.info("Release job {}: {}", jobId, String.valueOf(cause.getMessage()));
        try {
            job.retriever.stop();
        } catch (Exception e) {
            log.warn("Could not stop the leader retrieval of the JobManager of job {}.", jobId, e);
        }
        if (tellJobManager && job.gateway != null) {
            job.gateway.disconnectTaskManager(resourceId,
                    cause instanceof Exception ? (Exception) cause : new TaskManagerException("Job released", cause));
        }
        failTasksOfJob(jobId, cause);
        for (AllocationID allocationId : taskSlotTable.getAllocationIdsPerJob(jobId)) {
            freeSlotInternal(allocationId, cause);
        }
        services.getShuffleEnvironment().releasePartitionsOfJob(jobId);
    }

    private void failTasksOfJob(JobID jobId, Throwable cause) {
        for (Task task : taskSlotTable.getTasks(jobId)) {
            task.failExternally(cause);
        }
    }

    @Override
    public void disconnectJobManager(JobID jobId, Exception cause) {
        if (!jobs.containsKey(jobId)) {
            log.debug("Ignoring the disconnect of job {}: it has no JobManager connection here.", jobId);
            return;
        }
        releaseJob(jobId, cause == null ? new TaskManagerException("The JobManager disconnected.") : cause, false);
    }

    @Override
    public void heartbeatFromJobManager(ResourceID jobManagerId) {
        for (JobManagerConnection job : jobs.values()) {
            if (job.gateway == null
                    || (job.jobManagerResourceId != null && !job.jobManagerResourceId.equals(jobManagerId))) {
                continue;
            }
            job.lastHeartbeat = clock.relativeTimeMillis();
            List<ExecutionAttemptID> running = new ArrayList<>();
            for (Task task : taskSlotTable.getTasks(job.jobId)) {
                if (!task.getExecutionState().isTerminal()) {
                    running.add(task.getExecutionId());
                }
            }
            job.gateway.heartbeatFromTaskManager(resourceId, running);
        }
    }

    // ---- tasks ----

    @Override
    public CompletableFuture<Acknowledge> submitTask(TaskDeploymentDescriptor deployment, JobMasterId jobMasterId,
            Duration timeout) {
        JobID jobId = deployment.getJobId();
        String taskName = deployment.getTaskName() + " (" + (deployment.getSubtaskIndex() + 1) + "/"
                + deployment.getParallelism() + ")#" + deployment.getAttemptNumber();
        log.info("Received task {} ({}), deploy into slot with allocation id {}.", taskName,
                deployment.getExecutionAttemptId(), deployment.getAllocationId());
        JobManagerConnection job = jobs.get(jobId);
        if (job == null || job.gateway == null) {
            return FutureUtils.completedExceptionally(new TaskSubmissionException("Could not submit task " + taskName
                    + ": TaskExecutor " + resourceId + " has no JobManager connection for job " + jobId + "."));
        }
        if (!job.jobMasterId.equals(jobMasterId)) {
            return FutureUtils.completedExceptionally(new TaskSubmissionException("Rejecting task " + taskName
                    + ": the JobManager leader id " + jobMasterId + " does not match the expected leader id "
                    + job.jobMasterId + " of job " + jobId + "."));
        }
        if (!taskSlotTable.tryMarkSlotActive(jobId, deployment.getAllocationId())) {
            String detail = taskSlotTable.getTaskSlot(deployment.getAllocationId())
                    .map(slot -> " The slot of that allocation belongs to job " + slot.getJobId() + " and is "
                            + slot.getState() + ".")
                    .orElse("");
            return FutureUtils.completedExceptionally(new TaskSubmissionException("Could not submit task " + taskName
                    + ": no active task slot is allocated to job " + jobId + " under allocation "
                    + deployment.getAllocationId() + " on TaskExecutor " + resourceId + "." + detail));
        }
        if (taskSlotTable.getTask(deployment.getExecutionAttemptId()).isPresent()) {
            return FutureUtils.completedExceptionally(new TaskSubmissionException("The attempt "
                    + deployment.getExecutionAttemptId() + " (" + taskName + ") already runs on TaskExecutor "
                    + resourceId + "."));
        }

        List<ResultPartitionWriter> writers;
        List<InputGate> gates;
        try {
            writers = services.getShuffleEnvironment().createResultPartitionWriters(jobId,
                    deployment.getExecutionAttemptId(), deployment.getProducedPartitions());
        } catch (IOException | RuntimeException e) {
            return FutureUtils.completedExceptionally(new TaskSubmissionException(
                    "Could not create the result partitions of task " + taskName + ".", e));
        }
        try {
            gates = services.getShuffleEnvironment().createInputGates(jobId, deployment.getExecutionAttemptId(),
                    deployment.getInputGates());
        } catch (IOException | RuntimeException e) {
            closeQuietly(writers);
            return FutureUtils.completedExceptionally(new TaskSubmissionException(
                    "Could not create the input gates of task " + taskName + ".", e));
        }
        ClassLoaderLease lease = services.getLibraryCacheManager().registerClassLoaderLease(jobId);
        Task task = new Task(deployment, writers, gates, services.getMemoryManager(), lease,
                new TaskManagerActionsImpl(jobId), configuration.getTmpDirectories(),
                configuration.getCancellationInterval(), configuration.getCancellationTimeout());
        try {
            taskSlotTable.addTask(task);
        } catch (SlotNotFoundException e) {
            lease.release();
            closeQuietly(writers);
            closeQuietly(gates);
            return FutureUtils.completedExceptionally(new TaskSubmissionException(e.getMessage()));
        }
        task.getTerminationFuture().whenCompleteAsync((state, error) -> onTaskTerminated(task),
                getMainThreadExecutor());
        task.startTaskThread();
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    private void closeQuietly(List<? extends AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("Could not close {}.", closeable, e);
            }
        }
    }

    private void onTaskTerminated(Task task) {
        int freeBefore = taskSlotTable.createSlotReport().getNumberOfFreeSlots();
        taskSlotTable.removeTask(task.getExecutionId());
        if (taskSlotTable.createSlotReport().getNumberOfFreeSlots() != freeBefore) {
            reportSlotsToResourceManager(); // the last task of a released slot ended: the slot is free now
        }
        log.debug("Removed task {} ({}), which ended as {}.", task.getTaskNameWithSubtask(), task.getExecutionId(),
                task.getExecutionState());
    }

    @Override
    public CompletableFuture<Acknowledge> cancelTask(ExecutionAttemptID executionAttemptId, Duration timeout) {
        Optional<Task> task = taskSlotTable.getTask(executionAttemptId);
        if (task.isEmpty()) {
            return FutureUtils.completedExceptionally(new TaskException("Cannot find task to cancel for execution "
                    + executionAttemptId + " on TaskExecutor " + resourceId + "."));
        }
        task.get().cancelExecution();
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public CompletableFuture<Acknowledge> sendOperatorEventToTask(ExecutionAttemptID executionAttemptId,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent, Duration timeout) {
        Optional<Task> task = taskSlotTable.getTask(executionAttemptId);
        if (task.isEmpty()) {
            return FutureUtils.completedExceptionally(new TaskException("Cannot find task " + executionAttemptId
                    + " on TaskExecutor " + resourceId + " for an operator event."));
        }
        try {
            task.get().deliverOperatorEvent(operatorId, serializedEvent);
            return CompletableFuture.completedFuture(Acknowledge.get());
        } catch (Exception e) {
            return FutureUtils.completedExceptionally(e);
        }
    }

    @Override
    public CompletableFuture<Acknowledge> triggerCheckpoint(ExecutionAttemptID executionAttemptId, long checkpointId,
            long timestamp, io.freshet.runtime.checkpoint.CheckpointType type, Duration timeout) {
        Optional<Task> task = taskSlotTable.getTask(executionAttemptId);
        if (task.isEmpty()) {
            return FutureUtils.completedExceptionally(new TaskException("Cannot find task " + executionAttemptId
                    + " on TaskExecutor " + resourceId + " to trigger checkpoint " + checkpointId + "."));
        }
        task.get().triggerCheckpointBarrier(checkpointId, timestamp, type);
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public CompletableFuture<Acknowledge> confirmCheckpoint(ExecutionAttemptID executionAttemptId, long checkpointId,
            Duration timeout) {
        taskSlotTable.getTask(executionAttemptId).ifPresent(task -> task.notifyCheckpointComplete(checkpointId));
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public CompletableFuture<Acknowledge> abortCheckpoint(ExecutionAttemptID executionAttemptId, long checkpointId,
            Duration timeout) {
        taskSlotTable.getTask(executionAttemptId).ifPresent(task -> task.notifyCheckpointAborted(checkpointId));
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public CompletableFuture<List<TaskIOMetricsSnapshot>> requestTaskIOMetrics(JobID jobId, Duration timeout) {
        List<TaskIOMetricsSnapshot> snapshots = new ArrayList<>();
        for (Task task : taskSlotTable.getTasks(jobId)) {
            snapshots.add(new TaskIOMetricsSnapshot(task.getExecutionId(), task.getTaskNameWithSubtask(),
                    task.getExecutionState(), task.getIOMetrics()));
        }
        return CompletableFuture.completedFuture(snapshots);
    }

    /** Forwards the states the JobMaster gateway takes: INITIALIZING, RUNNING and the terminal ones. */
    private void forwardTaskExecutionState(JobID jobId, TaskExecutionState state) {
        ExecutionState executionState = state.getExecutionState();
        if (executionState == ExecutionState.DEPLOYING || executionState == ExecutionState.CANCELING) {
            return; // the JobMaster set DEPLOYING itself and learns of cancellation from the terminal state
        }
        Duration delay = finalStateReportDelayForTesting;
        if (executionState.isTerminal() && !delay.isZero()) {
            scheduleRunAsync(() -> sendTaskExecutionState(jobId, state), delay);
            return;
        }
        sendTaskExecutionState(jobId, state);
    }

    private void sendTaskExecutionState(JobID jobId, TaskExecutionState state) {
        JobManagerConnection job = jobs.get(jobId);
        if (job == null || job.gateway == null) {
            log.debug("Dropping the update {} of job {}: no JobManager connection.", state, jobId);
            return;
        }
        job.gateway.updateTaskExecutionState(state).whenComplete((ack, error) -> {
            if (error != null) {
                log.info("Could not report {} to the JobManager of job {}: {}", state, jobId, error.getMessage());
            }
        });
    }

    private final class TaskManagerActionsImpl implements TaskManagerActions {
        private final JobID jobId;

        TaskManagerActionsImpl(JobID jobId) {
            this.jobId = jobId;
        }

        @Override
        public void updateTaskExecutionState(TaskExecutionState taskExecutionState) {
            runAsync(() -> forwardTaskExecutionState(jobId, taskExecutionState));
        }

        @Override
        public void sendOperatorEventToCoordinator(ExecutionAttemptID attemptId,
                io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent) {
            runAsync(() -> {
                JobManagerConnection job = jobs.get(jobId);
                if (job == null || job.gateway == null) {
                    log.debug("Dropping an operator event of {} of job {}: no JobManager connection.", attemptId,
                            jobId);
                    return;
                }
                job.gateway.sendOperatorEventToCoordinator(attemptId, operatorId, serializedEvent)
                        .whenComplete((ack, error) -> {
                            if (error != null) {
                                log.info("Could not send an operator event of {} to the JobManager of job {}: {}",
                                        attemptId, jobId, error.getMessage());
                            }
                        });
            });
        }

        @Override
        public void acknowledgeCheckpoint(ExecutionAttemptID attemptId, long checkpointId,
                io.freshet.runtime.checkpoint.TaskStateSnapshot state) {
            runAsync(() -> {
                JobManagerConnection job = jobs.get(jobId);
                if (job == null || job.gateway == null) {
                    log.debug("Dropping the acknowledgement of checkpoint {} by {}: no JobManager connection.",
                            checkpointId, attemptId);
                    return;
                }
                job.gateway.acknowledgeCheckpoint(jobId, attemptId, checkpointId, state);
            });
        }

        @Override
        public void declineCheckpoint(ExecutionAttemptID attemptId, long checkpointId, Throwable cause) {
            runAsync(() -> {
                JobManagerConnection job = jobs.get(jobId);
                if (job != null && job.gateway != null) {
                    job.gateway.declineCheckpoint(jobId, attemptId, checkpointId, cause);
                }
            });
        }

        @Override
        public void notifyFatalError(String message, Throwable cause) {
            log.error("Fatal error of a task of job {}: {}", jobId, message, cause);
            fatalErrorHandler.onFatalError(cause);
        }
    }

    // ---- connection records ----

    private static final class Registered<G> {
        final G gateway;
        final RegistrationResponse response;

        Registered(G gateway, RegistrationResponse response) {
            this.gateway = gateway;
            this.response = response;
        }
    }

    private static final class EstablishedResourceManagerConnection {
        final ResourceManagerGateway gateway;
        final ResourceManagerId resourceManagerId;
        /** May be null: the ResourceManager did not name itself when accepting the registration. */
        final ResourceID resourceId;
        long lastHeartbeat;

        EstablishedResourceManagerConnection(ResourceManagerGateway gateway, ResourceManagerId resourceManagerId,
                ResourceID resourceId, long lastHeartbeat) {
            this.gateway = gateway;
            this.resourceManagerId = resourceManagerId;
            this.resourceId = resourceId;
            this.lastHeartbeat = lastHeartbeat;
        }
    }

    /** A job on this TaskExecutor: its leader retrieval and, once registered, its JobMaster connection. */
    private static final class JobManagerConnection {
        final JobID jobId;
        final LeaderRetrievalService retriever;
        long generation;
        String address;
        JobMasterId jobMasterId;
        /** Null until registered. */
        JobMasterGateway gateway;
        /**
         * The JobMaster's resource id from its registration answer; null if it did not say, in which case any
         * JobMaster heartbeat counts for this job.
         */
        ResourceID jobManagerResourceId;
        long lastHeartbeat;

        JobManagerConnection(JobID jobId, LeaderRetrievalService retriever) {
            this.jobId = jobId;
            this.retriever = retriever;
        }
    }
}
