package io.freshet.runtime.minicluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.RpcOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.core.fs.FileSystem;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.dispatcher.Dispatcher;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.dispatcher.JobStatusMessage;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobmaster.JobMaster;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.jobmaster.JobResult;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.leaderretrieval.StandaloneLeaderRetrievalService;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.StandaloneResourceManager;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManagerConfiguration;
import io.freshet.runtime.rpc.FatalErrorHandler;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.ShuffleEnvironment;
import io.freshet.runtime.taskexecutor.JobManagerLeaderRetrieverProvider;
import io.freshet.runtime.taskexecutor.TaskExecutor;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;
import io.freshet.runtime.taskexecutor.TaskManagerConfiguration;
import io.freshet.runtime.taskexecutor.TaskManagerServices;
import io.freshet.util.clock.SystemClock;

/**
 * A whole cluster in one JVM: a JobManager side (ResourceManager, Dispatcher and one JobMaster per job on one RPC
 * service) and N TaskExecutors, each with its own RPC service and shuffle environment. The components talk
 * through the RPC transport given by {@link RpcSystem} (Netty over loopback by default, so the wire path is the
 * same as between processes). The {@code local} execution target and most tests run jobs here.
 *
 * <p>Lifecycle: {@link #start()} starts the components and returns when every TaskExecutor has registered its
 * slots; {@link #close()} stops them (running jobs are cancelled with their JobMasters) and leaves no thread.
 */
public final class MiniCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiniCluster.class);

    private final Configuration configuration;
    private final int numberOfTaskManagers;
    private final RpcSystem rpcSystem;
    private final Function<ResourceID, ShuffleEnvironment> shuffleEnvironmentFactory;
    private final Map<JobID, JobMasterId> jobMasterIds = new ConcurrentHashMap<>();
    private final List<TaskManagerHandle> taskManagers = new ArrayList<>();
    private final Duration timeout;
    private static final Duration JOB_RESULT_WAIT = Duration.ofDays(365);

    private RpcService jobManagerRpc;
    private StandaloneResourceManager resourceManager;
    private Dispatcher dispatcher;
    private DispatcherGateway dispatcherGateway;
    private HeartbeatServices heartbeatServices;

    /**
     * @param numberOfTaskManagers how many TaskExecutors to start; each has {@code taskmanager.numberOfTaskSlots}
     * @param shuffleEnvironmentFactory creates each TaskExecutor's shuffle environment
     */
    public MiniCluster(Configuration configuration, int numberOfTaskManagers, RpcSystem rpcSystem,
            Function<ResourceID, ShuffleEnvironment> shuffleEnvironmentFactory) {
        this.configuration = configuration;
        this.numberOfTaskManagers = numberOfTaskManagers;
        this.rpcSystem = rpcSystem;
        this.shuffleEnvironmentFactory = shuffleEnvironmentFactory;
        this.timeout = configuration.get(RpcOptions.ASK_TIMEOUT);
    }

    // ---- lifecycle ----

    public void start() throws Exception {
        LOG.info("Starting MiniCluster with {} TaskManagers of {} slots.", numberOfTaskManagers,
                configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
        // the file systems (hdfs://: the Hadoop configuration directory) follow the cluster's configuration
        FileSystem.initialize(configuration);
        heartbeatServices = HeartbeatServices.fromConfiguration(configuration);
        jobManagerRpc = rpcSystem.createService("jobmanager", "localhost", 0, configuration);
        resourceManager = new StandaloneResourceManager(jobManagerRpc, "resourcemanager", ResourceID.generate(),
                heartbeatServices, new SlotManager(SlotManagerConfiguration.fromConfiguration(configuration),
                        SystemClock.getInstance()));
        resourceManager.start();
        dispatcher = new Dispatcher(jobManagerRpc, configuration, this::createJobMaster);
        dispatcher.start();
        dispatcherGateway = dispatcher.getSelfGateway(DispatcherGateway.class);
        for (int i = 0; i < numberOfTaskManagers; i++) {
            startTaskManager();
        }
        waitForSlots(numberOfTaskManagers * configuration.get(TaskManagerOptions.NUM_TASK_SLOTS));
    }

    /** Starts one more TaskExecutor; returns its index. */
    public int startTaskManager() throws Exception {
        ResourceID resourceId = ResourceID.generate();
        RpcService rpc = rpcSystem.createService("taskmanager-" + taskManagers.size(), "localhost", 0, configuration);
        ShuffleEnvironment shuffle = shuffleEnvironmentFactory.apply(resourceId);
        TaskExecutor taskExecutor = new TaskExecutor(rpc, TaskManagerConfiguration.fromConfiguration(configuration),
                resourceId, resourceManagerRetrieval(), jobMasterRetrieval(),
                TaskManagerServices.fromConfiguration(configuration, shuffle), fatalErrorHandler(),
                SystemClock.getInstance());
        taskExecutor.start();
        taskManagers.add(new TaskManagerHandle(resourceId, rpc, taskExecutor, shuffle));
        return taskManagers.size() - 1;
    }

    /** Stops TaskExecutor {@code index} abruptly (its RPC service goes away), as if its process died. */
    public void terminateTaskManager(int index) throws Exception {
        TaskManagerHandle handle = taskManagers.get(index);
        handle.rpc.close();
    }

    @Override
    public void close() throws Exception {
        LOG.info("Shutting down the MiniCluster.");
        Exception failure = null;
        if (dispatcher != null) {
            failure = closeQuietly(dispatcher, failure);
        }
        for (TaskManagerHandle handle : taskManagers) {
            failure = closeQuietly(handle.taskExecutor, failure);
            failure = closeQuietly(handle.rpc, failure);
        }
        if (resourceManager != null) {
            failure = closeQuietly(resourceManager, failure);
        }
        if (jobManagerRpc != null) {
            failure = closeQuietly(jobManagerRpc, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static Exception closeQuietly(AutoCloseable closeable, Exception previous) {
        try {
            closeable.close();
            return previous;
        } catch (Exception e) {
            if (previous != null) {
                previous.addSuppressed(e);
                return previous;
            }
            return e;
        }
    }

    // ---- jobs ----

    public CompletableFuture<Acknowledge> submitJob(JobGraph jobGraph) {
        return dispatcherGateway.submitJob(jobGraph, timeout);
    }

    /** Completes when the job has ended; waiting for a job is not bounded by the RPC timeout. */
    public CompletableFuture<JobResult> requestJobResult(JobID jobId) {
        return dispatcherGateway.requestJobResult(jobId, JOB_RESULT_WAIT);
    }

    public CompletableFuture<JobStatus> getJobStatus(JobID jobId) {
        return dispatcherGateway.requestJobStatus(jobId, timeout);
    }

    public CompletableFuture<Acknowledge> cancelJob(JobID jobId) {
        return dispatcherGateway.cancelJob(jobId, timeout);
    }

    public CompletableFuture<Collection<JobStatusMessage>> listJobs() {
        return dispatcherGateway.listJobs(timeout);
    }

    /** Submits the job and waits for its result. */
    public JobResult executeJobBlocking(JobGraph jobGraph) throws Exception {
        submitJob(jobGraph).get();
        return requestJobResult(jobGraph.getJobID()).get();
    }

    public DispatcherGateway getDispatcherGateway() {
        return dispatcherGateway;
    }

    public ResourceManagerGateway getResourceManagerGateway() {
        return resourceManager.getSelfGateway(ResourceManagerGateway.class);
    }

    /** The shuffle environment of TaskExecutor {@code index} (to inspect its partitions in tests). */
    public ShuffleEnvironment getShuffleEnvironment(int index) {
        return taskManagers.get(index).shuffle;
    }

    /** TaskExecutor {@code index} itself (for tests that reach into it). */
    public TaskExecutor getTaskExecutor(int index) {
        return taskManagers.get(index).taskExecutor;
    }

    /** The gateway of TaskExecutor {@code index}, as its JobMasters and the ResourceManager call it. */
    public TaskExecutorGateway getTaskExecutorGateway(int index) {
        return taskManagers.get(index).taskExecutor.getSelfGateway(TaskExecutorGateway.class);
    }

    public int getNumberOfTaskManagers() {
        return taskManagers.size();
    }

    // ---- wiring ----

    private JobMaster createJobMaster(JobGraph jobGraph) {
        JobMasterId jobMasterId = JobMasterId.generate();
        jobMasterIds.put(jobGraph.getJobID(), jobMasterId);
        JobMaster jobMaster = new JobMaster(jobManagerRpc, jobGraph, configuration, resourceManagerRetrieval(), ResourceID.generate(),
                jobMasterId, jobGraph.getJobConfiguration().getOptional(JobManagerOptions.SLOT_REQUEST_TIMEOUT)
                        .orElse(configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT)), heartbeatServices);
        jobMaster.getResultFuture().whenComplete((result, failure) -> jobMasterIds.remove(jobGraph.getJobID()));
        return jobMaster;
    }

    private LeaderRetrievalService resourceManagerRetrieval() {
        return new StandaloneLeaderRetrievalService(resourceManager.getAddress(),
                resourceManager.getResourceManagerId().toUUID());
    }

    /** TaskExecutors find a job's JobMaster at the address the ResourceManager names, with the job's leader id. */
    private JobManagerLeaderRetrieverProvider jobMasterRetrieval() {
        return (jobId, address) -> {
            JobMasterId id = jobMasterIds.get(jobId);
            return new StandaloneLeaderRetrievalService(address,
                    id != null ? id.toUUID() : JobManagerLeaderRetrieverProvider.DEFAULT_LEADER_ID);
        };
    }

    private static FatalErrorHandler fatalErrorHandler() {
        return error -> LOG.error("Fatal error in a MiniCluster component; the component stays in a failed state.",
                error);
    }

    private void waitForSlots(int slots) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int registered = 0;
            for (io.freshet.runtime.resourcemanager.TaskManagerInfo info : resourceManager
                    .getSelfGateway(io.freshet.runtime.resourcemanager.ResourceManagerGateway.class)
                    .requestTaskManagerInfo(timeout).get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                registered += info.getNumberOfSlots();
            }
            if (registered >= slots) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + registered + " of " + slots
                        + " slots registered at the ResourceManager within " + timeout);
            }
            Thread.sleep(5);
        }
    }

    private static final class TaskManagerHandle {
        final ResourceID resourceId;
        final RpcService rpc;
        final TaskExecutor taskExecutor;
        final ShuffleEnvironment shuffle;

        TaskManagerHandle(ResourceID resourceId, RpcService rpc, TaskExecutor taskExecutor, ShuffleEnvironment shuffle) {
            this.resourceId = resourceId;
            this.rpc = rpc;
            this.taskExecutor = taskExecutor;
            this.shuffle = shuffle;
        }
    }
}
