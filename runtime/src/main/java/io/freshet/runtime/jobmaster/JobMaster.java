package io.freshet.runtime.jobmaster;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.executiongraph.ArchivedExecutionGraph;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraph;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.executiongraph.failover.RestartBackoffTimeStrategy;
import io.freshet.runtime.executiongraph.failover.RestartBackoffTimeStrategyFactoryLoader;
import io.freshet.runtime.heartbeat.HeartbeatListener;
import io.freshet.runtime.heartbeat.HeartbeatManager;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalListener;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.rpc.FencedRpcEndpoint;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.scheduler.RegionScheduler;
import io.freshet.runtime.scheduler.strategy.PipelinedRegionTopology;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;
import io.freshet.runtime.taskexecutor.TaskExecutorRegistration;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskmanager.TaskExecutionState;

/**
 * Runs one job: builds its {@link ExecutionGraph}, gets slots through the ResourceManager (declaring how many the
 * {@link SlotPool} wants; TaskExecutors then register here and offer them), and lets the {@link RegionScheduler}
 * deploy, track, restart and finish the job. The job's result completes {@link #getResultFuture()}.
 *
 * <p>An RPC endpoint: every method runs on its main thread; the fencing token is the {@link JobMasterId} of
 * this leadership, which TaskExecutors use to address it.
 */
public class JobMaster extends FencedRpcEndpoint<JobMasterId> implements JobMasterGateway {

    private final JobGraph jobGraph;
    private final Configuration clusterConfiguration;
    private final LeaderRetrievalService resourceManagerRetrieval;
    private final JobMasterId jobMasterId;
    private final ResourceID resourceId;
    private final Duration rpcTimeout;
    private final Duration slotRequestTimeout;
    private final CompletableFuture<JobResult> resultFuture = new CompletableFuture<>();
    private volatile ArchivedExecutionGraph finalExecutionGraph;
    private final HeartbeatServices heartbeatServices;
    private HeartbeatManager<Collection<ExecutionAttemptID>, Void> taskManagerHeartbeats;
    private final Map<ResourceID, TaskExecutorGateway> registeredTaskExecutors = new LinkedHashMap<>();
    /** Per TaskExecutor: deployed attempts its heartbeats no longer list, since when (see {@link #reconcile}). */
    private final Map<ResourceID, Map<ExecutionAttemptID, Long>> missingSince = new java.util.HashMap<>();

    private ExecutionGraph executionGraph;
    private SlotPool slotPool;
    private RegionScheduler scheduler;
    private OperatorCoordinators coordinators;
    private io.freshet.runtime.checkpoint.CheckpointCoordinator checkpointCoordinator;
    private java.util.concurrent.ExecutorService checkpointIoExecutor;
    private ResourceManagerGateway resourceManager;
    private int declaredSlots;
    private long startTime;

    /**
     * @param jobMasterId this leadership's fencing token; TaskExecutors learn it through the job's leader
     *     retrieval (standalone clusters use a fixed id)
     */
    public JobMaster(RpcService rpcService, JobGraph jobGraph, Configuration clusterConfiguration,
            LeaderRetrievalService resourceManagerRetrieval, ResourceID resourceId, JobMasterId jobMasterId,
            Duration slotRequestTimeout, HeartbeatServices heartbeatServices) {
        super(rpcService, "jobmaster_" + jobGraph.getJobID() + "_" + UUID.randomUUID().toString().substring(0, 8));
        this.jobGraph = jobGraph;
        this.clusterConfiguration = clusterConfiguration;
        this.resourceManagerRetrieval = resourceManagerRetrieval;
        this.jobMasterId = jobMasterId;
        this.resourceId = resourceId;
        this.rpcTimeout = clusterConfiguration.get(RpcOptions.ASK_TIMEOUT);
        this.slotRequestTimeout = slotRequestTimeout;
        this.heartbeatServices = heartbeatServices;
    }

    public JobID getJobId() {
        return jobGraph.getJobID();
    }

    public JobMasterId getJobMasterId() {
        return jobMasterId;
    }

    /** Completes when the job has reached a terminal state. */
    public CompletableFuture<JobResult> getResultFuture() {
        return resultFuture;
    }

    /**
     * The job's execution graph as it ended, once {@link #getResultFuture()} has completed; null if the job never
     * got an execution graph (it could not be started).
     */
    public ArchivedExecutionGraph getFinalExecutionGraph() {
        return finalExecutionGraph;
    }

    // ---- lifecycle ----

    @Override
    protected void onStart() throws Exception {
        setFencingToken(jobMasterId);
        startTime = System.currentTimeMillis();
        try {
            startJob();
        } catch (Exception | LinkageError e) {
            log.error("Could not start job '{}' ({}).", jobGraph.getName(), jobGraph.getJobID(), e);
            resultFuture.complete(new JobResult(jobGraph.getJobID(), jobGraph.getName(), JobStatus.FAILED, e,
                    System.currentTimeMillis() - startTime));
            throw e;
        }
    }

    private void startJob() throws Exception {
        String description = "job '" + jobGraph.getName() + "' (" + jobGraph.getJobID() + ")";
        RestartBackoffTimeStrategy restartStrategy = RestartBackoffTimeStrategyFactoryLoader
                .createRestartBackoffTimeStrategyFactory(jobGraph.getJobConfiguration(), clusterConfiguration, false)
                .create();
        executionGraph = new ExecutionGraph(jobGraph);
        slotPool = new SlotPool(description, this::declareRequiredSlots, getUnfencedMainThreadExecutor(),
                slotRequestTimeout, rpcTimeout);
        scheduler = new RegionScheduler(executionGraph, PipelinedRegionTopology.fromJobGraph(jobGraph), slotPool,
                restartStrategy, getUnfencedMainThreadExecutor(), rpcTimeout);
        scheduler.getJobTerminationFuture().whenComplete((status, failure) -> runAsyncWithoutFencing(() -> jobEnded(status)));
        coordinators = new OperatorCoordinators(jobGraph, executionGraph, rpcTimeout,
                cause -> runAsyncWithoutFencing(() -> scheduler.failJob(cause)));
        scheduler.setSubtaskResetListener(vertex -> coordinators.subtaskReset(vertex,
                checkpointCoordinator == null ? -1 : checkpointCoordinator.getLatestCompletedCheckpointId()));
        coordinators.start();
        if (jobGraph.getJobType() == io.freshet.runtime.jobgraph.JobType.STREAMING) {
            {
                checkpointIoExecutor = java.util.concurrent.Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "checkpoint-io-" + jobGraph.getJobID());
                    thread.setDaemon(true);
                    return thread;
                });
                checkpointCoordinator = new io.freshet.runtime.checkpoint.CheckpointCoordinator(executionGraph,
                        jobGraph.getJobConfiguration(), getUnfencedMainThreadExecutor(), checkpointIoExecutor,
                        rpcTimeout, cause -> scheduler.failGlobal(cause));
                checkpointCoordinator.setCoordinatorCheckpoints(coordinators);
                if (io.freshet.runtime.checkpoint.CheckpointCoordinator.isCheckpointingEnabled(
                        jobGraph.getJobConfiguration())) {
                    executionGraph.setCheckpointStatsSupplier(checkpointCoordinator::getStatsSnapshot);
                }
                scheduler.setRestoreListener(checkpointCoordinator::restoreLatestCheckpointedState);
                scheduler.setFailureListener(checkpointCoordinator::onTaskFailure);
                restoreSavepointIfAsked(description);
            }
        }
        taskManagerHeartbeats = heartbeatServices.createHeartbeatManagerSender(resourceId,
                new TaskManagerHeartbeatListener(), getUnfencedMainThreadExecutor(), log);
        log.info("Starting execution of {} with restart strategy {}.", description, restartStrategy);
        resourceManagerRetrieval.start(new ResourceManagerListener());
        scheduler.startScheduling();
        if (checkpointCoordinator != null) {
            checkpointCoordinator.start();
        }
    }

    /**
     * A job started with {@code execution.state-recovery.path} (bin/flink run -s): reads the savepoint and hands it to
     * the checkpoint coordinator, which gives every subtask its state before the first deployment.
     */
    private void restoreSavepointIfAsked(String description) throws Exception {
        java.util.Optional<String> path = jobGraph.getJobConfiguration().getOptional(
                io.freshet.configuration.StateRecoveryOptions.SAVEPOINT_PATH);
        if (path.isEmpty()) {
            return;
        }
        io.freshet.runtime.checkpoint.CompletedCheckpoint savepoint;
        try {
            savepoint = io.freshet.runtime.checkpoint.CheckpointMetadataStorage.read(path.get(),
                    coordinators.getUserCodeClassLoader());
        } catch (java.io.IOException e) {
            throw new io.freshet.runtime.checkpoint.CheckpointException("Cannot start " + description + " from the"
                    + " savepoint " + path.get() + ": " + e.getMessage(), e);
        }
        checkpointCoordinator.restoreSavepoint(savepoint, jobGraph.getJobConfiguration().get(
                io.freshet.configuration.StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }

    /**
     * Takes a savepoint (into {@code targetDirectory}, or the configured savepoint directory) and, with
     * {@code cancelJob}, cancels the job once it is written; completes with the savepoint's path.
     */
    public CompletableFuture<String> triggerSavepoint(String targetDirectory, boolean cancelJob) {
        return callAsyncWithoutFencing(() -> {
            if (checkpointCoordinator == null) {
                throw new io.freshet.runtime.checkpoint.CheckpointException("Job " + jobGraph.getJobID()
                        + " is a BATCH job; only STREAMING jobs take savepoints.");
            }
            return checkpointCoordinator.triggerSavepoint(targetDirectory);
        }, rpcTimeout).thenCompose(future -> future).thenCompose(path -> !cancelJob
                ? CompletableFuture.completedFuture(path) : cancel().thenApply(ack -> path));
    }

    /**
     * Stops the job with a savepoint (Flink's stop-with-savepoint): the sources emit nothing after its barrier and,
     * once it is complete, end — with {@code drain} after emitting the end-of-time watermark before the barrier (all
     * event-time timers fire), without it suspended (no watermark, operators not finished). The job ends FINISHED;
     * completes with the savepoint's path once it has. A failed savepoint leaves the job running.
     */
    public CompletableFuture<String> stopWithSavepoint(String targetDirectory, boolean drain) {
        return callAsyncWithoutFencing(() -> {
            if (checkpointCoordinator == null) {
                throw new io.freshet.runtime.checkpoint.CheckpointException("Job " + jobGraph.getJobID()
                        + " is a BATCH job; only STREAMING jobs take savepoints.");
            }
            log.info("Stopping job '{}' ({}) with a savepoint{}.", jobGraph.getName(), jobGraph.getJobID(),
                    drain ? ", draining it first" : "");
            return checkpointCoordinator.triggerStopWithSavepoint(targetDirectory, drain);
        }, rpcTimeout).thenCompose(future -> future).thenCompose(path -> resultFuture.thenApply(result -> {
            if (result.getJobStatus() != JobStatus.FINISHED) {
                log.warn("Job {} took savepoint {} to stop, but then ended {}.", jobGraph.getJobID(), path,
                        result.getJobStatus());
            }
            return path;
        }));
    }

    /** The job's checkpoint coordinator, or null when the job takes no checkpoints. */
    public io.freshet.runtime.checkpoint.CheckpointCoordinator getCheckpointCoordinator() {
        return checkpointCoordinator;
    }

    private void stopCheckpoints(JobStatus status) {
        if (checkpointCoordinator != null) {
            String retention = jobGraph.getJobConfiguration().get(
                    io.freshet.configuration.CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
            checkpointCoordinator.jobEnded(status, "RETAIN_ON_CANCELLATION".equals(retention),
                    !"NO_EXTERNALIZED_CHECKPOINTS".equals(retention));
        }
        if (checkpointIoExecutor != null) {
            checkpointIoExecutor.shutdown();
        }
    }

    @Override
    protected CompletableFuture<Void> onStop() {
        if (taskManagerHeartbeats != null) {
            taskManagerHeartbeats.stop();
        }
        if (scheduler != null && !executionGraph.getState().isTerminalState()) {
            scheduler.cancel();
        }
        if (coordinators != null) {
            coordinators.close();
        }
        stopCheckpoints(JobStatus.SUSPENDED);
        if (slotPool != null) {
            slotPool.releaseAll(new IllegalStateException("the JobMaster of " + jobGraph.getJobID() + " stopped"));
        }
        disconnectTaskManagers(new IllegalStateException("the JobMaster of " + jobGraph.getJobID() + " stopped"));
        disconnectFromResourceManager(new IllegalStateException("the JobMaster stopped"));
        try {
            resourceManagerRetrieval.stop();
        } catch (Exception e) {
            log.warn("Could not stop the ResourceManager retrieval of job {}.", jobGraph.getJobID(), e);
        }
        if (!resultFuture.isDone()) {
            if (executionGraph != null) {
                finalExecutionGraph = ArchivedExecutionGraph.of(executionGraph);
            }
            resultFuture.complete(new JobResult(jobGraph.getJobID(), jobGraph.getName(), JobStatus.SUSPENDED, null,
                    System.currentTimeMillis() - startTime));
        }
        return CompletableFuture.completedFuture(null);
    }

    private void jobEnded(JobStatus status) {
        JobResult result = new JobResult(jobGraph.getJobID(), jobGraph.getName(), status,
                executionGraph.getFailureCause(), System.currentTimeMillis() - startTime);
        log.info("Job '{}' ({}) reached terminal state {}.", jobGraph.getName(), jobGraph.getJobID(), status);
        finalExecutionGraph = ArchivedExecutionGraph.of(executionGraph);
        coordinators.close();
        stopCheckpoints(status);
        slotPool.releaseAll(new IllegalStateException("job " + jobGraph.getJobID() + " reached " + status));
        disconnectTaskManagers(new IllegalStateException("job " + jobGraph.getJobID() + " reached " + status));
        disconnectFromResourceManager(new IllegalStateException("job " + jobGraph.getJobID() + " reached " + status));
        resultFuture.complete(result);
    }

    // ---- called by the Dispatcher (same process) ----

    /** Cancels the job; the result future completes with CANCELED. */
    public CompletableFuture<Acknowledge> cancel() {
        return callAsyncWithoutFencing(() -> {
            scheduler.cancel();
            return Acknowledge.get();
        }, rpcTimeout);
    }

    public CompletableFuture<JobStatus> requestJobStatus() {
        return callAsyncWithoutFencing(() -> executionGraph.getState(), rpcTimeout);
    }

    /** A copy of the execution graph as it is now (the REST API's view of a running job). */
    public CompletableFuture<ArchivedExecutionGraph> requestJob() {
        return callAsyncWithoutFencing(() -> ArchivedExecutionGraph.of(executionGraph), rpcTimeout);
    }

    // ---- ResourceManager ----

    private final class ResourceManagerListener implements LeaderRetrievalListener {
        @Override
        public void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId) {
            runAsyncWithoutFencing(() -> connectToResourceManager(leaderAddress, leaderSessionId));
        }

        @Override
        public void handleError(Exception exception) {
            log.error("Lost the ResourceManager retrieval of job {}.", jobGraph.getJobID(), exception);
        }
    }

    private void connectToResourceManager(String address, UUID leaderSessionId) {
        resourceManager = null;
        if (address == null) {
            return;
        }
        getRpcService().connect(address, new ResourceManagerId(leaderSessionId), ResourceManagerGateway.class)
                .thenCompose(gateway -> gateway.registerJobMaster(jobMasterId, resourceId, getAddress(),
                        jobGraph.getJobID(), rpcTimeout).thenApply(response -> {
                            if (!(response instanceof RegistrationResponse.Success)) {
                                throw new IllegalStateException("the ResourceManager refused the JobMaster: " + response);
                            }
                            return gateway;
                        }))
                .whenComplete((gateway, failure) -> runAsyncWithoutFencing(() -> {
                    if (failure != null) {
                        log.info("Could not register job {} at the ResourceManager {}; retrying.", jobGraph.getJobID(),
                                address, failure);
                        scheduleRunAsync(() -> runAsyncWithoutFencing(
                                () -> connectToResourceManager(address, leaderSessionId)), Duration.ofMillis(500));
                        return;
                    }
                    log.info("JobMaster for job {} registered at the ResourceManager {}.", jobGraph.getJobID(), address);
                    resourceManager = gateway;
                    sendDeclaration();
                }));
    }

    private void declareRequiredSlots(int slots) {
        declaredSlots = slots;
        sendDeclaration();
    }

    private void sendDeclaration() {
        if (resourceManager != null) {
            resourceManager.declareRequiredResources(jobMasterId, jobGraph.getJobID(), declaredSlots, rpcTimeout)
                    .whenComplete((ack, failure) -> {
                        if (failure != null) {
                            log.warn("Could not declare {} slots for job {} at the ResourceManager.", declaredSlots,
                                    jobGraph.getJobID(), failure);
                        }
                    });
        }
    }

    /** Tells every TaskExecutor of the job that it is over here, so they release its partitions and connection. */
    private void disconnectTaskManagers(Exception cause) {
        for (Map.Entry<ResourceID, TaskExecutorGateway> entry : registeredTaskExecutors.entrySet()) {
            if (taskManagerHeartbeats != null) {
                taskManagerHeartbeats.unmonitorTarget(entry.getKey());
            }
            entry.getValue().disconnectJobManager(jobGraph.getJobID(), cause);
        }
        registeredTaskExecutors.clear();
    }

    private void disconnectFromResourceManager(Exception cause) {
        if (resourceManager != null) {
            resourceManager.disconnectJobManager(jobGraph.getJobID(), cause);
            resourceManager = null;
        }
    }

    // ---- JobMasterGateway ----

    @Override
    public CompletableFuture<RegistrationResponse> registerTaskManager(JobID jobId,
            TaskExecutorRegistration registration, Duration timeout) {
        if (!jobGraph.getJobID().equals(jobId)) {
            return CompletableFuture.completedFuture(new RegistrationResponse.Rejection(
                    "this JobMaster runs job " + jobGraph.getJobID() + ", not " + jobId));
        }
        if (slotPool.isRegistered(registration.getResourceId())) {
            return CompletableFuture.completedFuture(
                    new RegistrationResponse.Success(registration.getResourceId().toString(), resourceId));
        }
        return getRpcService().connect(registration.getRpcAddress(), TaskExecutorGateway.class)
                .thenApplyAsync(gateway -> {
                    slotPool.registerTaskManager(registration.getResourceId(), registration.getDataHost(),
                            registration.getDataPort(), new RpcTaskManagerGateway(gateway, jobMasterId));
                    taskManagerHeartbeats.monitorTarget(registration.getResourceId(),
                            (origin, payload) -> gateway.heartbeatFromJobManager(origin));
                    registeredTaskExecutors.put(registration.getResourceId(), gateway);
                    log.info("TaskExecutor {} registered for job {}.", registration.getResourceId(), jobId);
                    return (RegistrationResponse) new RegistrationResponse.Success(
                            registration.getResourceId().toString(), resourceId);
                }, getUnfencedMainThreadExecutor());
    }

    @Override
    public CompletableFuture<Collection<SlotOffer>> offerSlots(ResourceID taskManagerId, Collection<SlotOffer> slots,
            Duration timeout) {
        return CompletableFuture.completedFuture(slotPool.offerSlots(taskManagerId, slots));
    }

    @Override
    public CompletableFuture<Acknowledge> sendOperatorEventToCoordinator(ExecutionAttemptID task,
            io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent) {
        try {
            if (coordinators != null) {
                coordinators.deliverToCoordinator(task, operatorId, serializedEvent);
            }
            return CompletableFuture.completedFuture(Acknowledge.get());
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Acknowledge> updateTaskExecutionState(TaskExecutionState state) {
        if (scheduler.updateTaskExecutionState(state)) {
            return CompletableFuture.completedFuture(Acknowledge.get());
        }
        return CompletableFuture.failedFuture(new IllegalStateException("job " + jobGraph.getJobID()
                + " does not run attempt " + state.getID() + " (any more); its " + state.getExecutionState()
                + " report is ignored"));
    }

    @Override
    public void heartbeatFromTaskManager(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks) {
        taskManagerHeartbeats.receiveHeartbeat(taskManagerId, runningTasks);
    }

    @Override
    public void heartbeatFromResourceManager(ResourceID resourceManagerId) {
        // Answer the ResourceManager's request; losing the ResourceManager is noticed through its disconnect call
        // or the failed RPCs of the next declaration.
        if (resourceManager != null) {
            resourceManager.heartbeatFromJobManager(resourceId);
        }
    }

    private final class TaskManagerHeartbeatListener implements HeartbeatListener<Collection<ExecutionAttemptID>, Void> {
        @Override
        public void notifyHeartbeatTimeout(ResourceID taskManagerId) {
            disconnectTaskManager(taskManagerId, new java.util.concurrent.TimeoutException("The heartbeat of TaskManager "
                    + taskManagerId + " timed out (heartbeat.timeout)."));
        }

        @Override
        public void reportPayload(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks) {
            runAsyncWithoutFencing(() -> reconcile(taskManagerId, runningTasks));
        }
    }

    /**
     * Compares what a TaskExecutor says it runs with what this JobMaster thinks runs there: a deployed attempt the
     * TaskExecutor no longer has (its final state report was lost) is failed, so that the job neither waits for it
     * forever (cancelling, failing) nor believes it still runs. Attempts deployed less than a heartbeat interval ago
     * are left alone: the TaskExecutor may not have registered them yet. So are attempts missing for less than that
     * grace: a task that just ended leaves the TaskExecutor's report before its final state report (another RPC)
     * has arrived here.
     */
    private void reconcile(ResourceID taskManagerId, Collection<ExecutionAttemptID> runningTasks) {
        if (executionGraph == null || scheduler == null) {
            return;
        }
        java.util.Set<ExecutionAttemptID> running = new java.util.HashSet<>(runningTasks);
        long now = System.currentTimeMillis();
        long grace = Math.max(2_000, heartbeatServices.getHeartbeatInterval().toMillis());
        List<ExecutionVertex> lost = new ArrayList<>();
        Map<ExecutionAttemptID, Long> missingBefore = missingSince.getOrDefault(taskManagerId, Map.of());
        Map<ExecutionAttemptID, Long> missingNow = new java.util.HashMap<>();
        for (ExecutionVertex vertex : executionGraph.getAllExecutionVertices()) {
            io.freshet.runtime.executiongraph.Execution execution = vertex.getCurrentExecution();
            ExecutionState state = execution.getState();
            LogicalSlot slot = execution.getAssignedSlot();
            boolean deployed = state == ExecutionState.DEPLOYING || state == ExecutionState.INITIALIZING
                    || state == ExecutionState.RUNNING || state == ExecutionState.CANCELING;
            long deployedAt = execution.getStateTimestamp(ExecutionState.DEPLOYING);
            ExecutionAttemptID attempt = execution.getAttemptId();
            if (!deployed || slot == null || !slot.getTaskManagerId().equals(taskManagerId)
                    || running.contains(attempt) || deployedAt <= 0 || now - deployedAt <= grace) {
                continue;
            }
            long since = missingBefore.getOrDefault(attempt, now);
            if (now - since > grace) {
                lost.add(vertex);
            } else {
                missingNow.put(attempt, since);
            }
        }
        if (missingNow.isEmpty()) {
            missingSince.remove(taskManagerId);
        } else {
            missingSince.put(taskManagerId, missingNow);
        }
        for (ExecutionVertex vertex : lost) {
            log.warn("TaskExecutor {} no longer runs {} ({}), which this JobMaster still sees {}; its final state"
                    + " report was lost.", taskManagerId, vertex.getTaskNameWithSubtaskIndex(),
                    vertex.getCurrentExecution().getAttemptId(), vertex.getCurrentExecution().getState());
            scheduler.failExecution(vertex, new IllegalStateException("TaskExecutor " + taskManagerId
                    + " no longer runs " + vertex.getTaskNameWithSubtaskIndex() + "; its final state was not"
                    + " reported."));
        }
    }

    @Override
    public CompletableFuture<Acknowledge> disconnectTaskManager(ResourceID taskManagerId, Exception cause) {
        taskManagerHeartbeats.unmonitorTarget(taskManagerId);
        registeredTaskExecutors.remove(taskManagerId);
        missingSince.remove(taskManagerId);
        List<ExecutionVertex> affected = slotPool.releaseTaskManager(taskManagerId);
        log.info("TaskExecutor {} disconnected from job {} ({} subtasks affected).", taskManagerId,
                jobGraph.getJobID(), affected.size(), cause);
        for (ExecutionVertex vertex : affected) {
            scheduler.failExecution(vertex, new IllegalStateException("TaskExecutor " + taskManagerId
                    + " running " + vertex.getTaskNameWithSubtaskIndex() + " was lost: " + cause.getMessage(), cause));
        }
        return CompletableFuture.completedFuture(Acknowledge.get());
    }

    @Override
    public void acknowledgeCheckpoint(JobID jobId, ExecutionAttemptID task, long checkpointId,
            io.freshet.runtime.checkpoint.TaskStateSnapshot state) {
        if (checkpointCoordinator != null) {
            checkpointCoordinator.receiveAcknowledgeMessage(task, checkpointId, state);
        }
    }

    @Override
    public void declineCheckpoint(JobID jobId, ExecutionAttemptID task, long checkpointId, Throwable cause) {
        if (checkpointCoordinator != null) {
            checkpointCoordinator.receiveDeclineMessage(task, checkpointId, cause);
        }
    }

    @Override
    public void disconnectResourceManager(ResourceManagerId resourceManagerId, Exception cause) {
        log.info("The ResourceManager disconnected job {}: {}", jobGraph.getJobID(), cause.getMessage());
        resourceManager = null;
    }
}
