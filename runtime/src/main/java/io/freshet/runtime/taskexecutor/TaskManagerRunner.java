package io.freshet.runtime.taskexecutor;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.core.fs.FileSystem;
import io.freshet.runtime.clusterframework.ProcessMemorySpec;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.entrypoint.EntrypointArguments;
import io.freshet.runtime.entrypoint.StandaloneSessionClusterEntrypoint;
import io.freshet.runtime.highavailability.HighAvailabilityServices;
import io.freshet.runtime.highavailability.HighAvailabilityServicesUtils;
import io.freshet.runtime.io.network.buffer.NetworkBufferSizing;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.shuffle.NettyShuffleServiceEnvironment;
import io.freshet.runtime.util.PortRange;
import io.freshet.util.clock.SystemClock;

/**
 * The TaskManager process ({@code bin/taskmanager.sh start}, {@code bin/start-cluster.sh}): one TaskExecutor with
 * its RPC service, shuffle environment and managed memory, sized from the configuration
 * ({@link ProcessMemorySpec}), registering at the ResourceManager of the JobManager at
 * {@code jobmanager.rpc.address}:{@code jobmanager.rpc.port}. It keeps trying to register while the JobManager is
 * away. A fatal error (a task that does not stop within {@code task.cancellation.timeout}) ends the process with
 * exit code {@value #RUNTIME_FAILURE_RETURN_CODE}.
 */
public final class TaskManagerRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskManagerRunner.class);

    public static final int STARTUP_FAILURE_RETURN_CODE = 1;
    public static final int RUNTIME_FAILURE_RETURN_CODE = 2;

    private final Configuration configuration;
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private RpcService rpcService;
    private TaskExecutor taskExecutor;
    private TaskManagerServices services;
    private HighAvailabilityServices highAvailabilityServices;

    public TaskManagerRunner(Configuration configuration) {
        this.configuration = configuration;
    }

    public static void main(String[] args) {
        TaskManagerRunner runner;
        try {
            Configuration configuration = EntrypointArguments.parse("TaskManagerRunner", args).loadConfiguration();
            FileSystem.initialize(configuration);
            runner = new TaskManagerRunner(configuration);
            runner.start();
        } catch (Throwable t) {
            LOG.error("Could not start the TaskManager.", t);
            System.err.println("Could not start the TaskManager: " + t.getMessage());
            System.exit(STARTUP_FAILURE_RETURN_CODE);
            return;
        }
        System.out.println(StandaloneSessionClusterEntrypoint.DAEMON_STARTED_MARKER + " TaskManager at "
                + runner.rpcService.getAddress());
        System.out.flush();
        TaskManagerRunner running = runner;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down the TaskManager (signal received).");
            running.close();
        }, "taskmanager-shutdown-hook"));
        running.terminationFuture.join();
    }

    public void start() throws Exception {
        ProcessMemorySpec memory = ProcessMemorySpec.forTaskManager(configuration);
        Configuration effective = new Configuration(configuration);
        effective.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, memory.getManagedMemory());
        String jobManagerAddress = configuration.getOptional(JobManagerOptions.ADDRESS).orElse("localhost");
        int jobManagerPort = configuration.get(JobManagerOptions.PORT);
        String host = configuration.getOptional(TaskManagerOptions.HOST).orElse(jobManagerAddress);

        rpcService = startRpcService(host, configuration.get(TaskManagerOptions.RPC_PORT));
        ResourceID resourceId = new ResourceID(configuration.getOptional(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID)
                .orElseGet(() -> host + ":" + rpcService.getPort() + "-"
                        + ResourceID.generate().getResourceIdString().substring(0, 6)));
        int numberOfSlots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        int buffers = NetworkBufferSizing.numberOfNetworkBuffers(configuration, memory.getTotalFlinkMemory(),
                numberOfSlots + 1);
        LOG.info("Starting TaskManager {} with {} slots ({}; {} network buffers), registering at the JobManager at"
                + " {}:{}.", resourceId, numberOfSlots, memory, buffers, jobManagerAddress, jobManagerPort);
        services = TaskManagerServices.fromConfiguration(effective,
                NettyShuffleServiceEnvironment.create(effective, resourceId, host, buffers));
        highAvailabilityServices = HighAvailabilityServicesUtils.createHighAvailabilityServices(configuration);
        taskExecutor = new TaskExecutor(rpcService, TaskManagerConfiguration.fromConfiguration(effective), resourceId,
                highAvailabilityServices.getResourceManagerLeaderRetriever(),
                highAvailabilityServices::getJobManagerLeaderRetriever, services, this::onFatalError,
                SystemClock.getInstance());
        taskExecutor.start();
    }

    /** Binds the first free port of {@code portSpec}: "0" (any), "6122", "50100,50101" or "50100-50200". */
    private RpcService startRpcService(String host, String portSpec) throws Exception {
        Exception last = null;
        for (int port : PortRange.parse(TaskManagerOptions.RPC_PORT.key(), portSpec)) {
            try {
                return RpcSystem.netty().createService("taskmanager", host, port, configuration);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("The TaskManager could not listen on any port of '"
                + TaskManagerOptions.RPC_PORT.key() + "' (" + portSpec + ") at " + host + ": " + last.getMessage()
                + ". Free a port or change the range.", last);
    }

    private void onFatalError(Throwable error) {
        LOG.error("Fatal error in the TaskManager; the process exits with code {}.", RUNTIME_FAILURE_RETURN_CODE,
                error);
        // halt, not exit: a stuck task thread must not keep the process alive through shutdown hooks
        Runtime.getRuntime().halt(RUNTIME_FAILURE_RETURN_CODE);
    }

    public TaskExecutor getTaskExecutor() {
        return taskExecutor;
    }

    /** Stops the TaskExecutor (cancelling its tasks; it closes its services) and its RPC service. Idempotent. */
    @Override
    public void close() {
        if (terminationFuture.isDone()) {
            return;
        }
        if (taskExecutor != null) {
            try {
                taskExecutor.close();
            } catch (Exception e) {
                LOG.warn("Could not stop the TaskExecutor cleanly.", e);
            }
        }
        if (highAvailabilityServices != null) {
            try {
                highAvailabilityServices.close();
            } catch (Exception e) {
                LOG.warn("Could not close the high-availability services cleanly.", e);
            }
        }
        if (rpcService != null) {
            try {
                rpcService.close();
            } catch (Exception e) {
                LOG.warn("Could not stop the TaskManager's RPC service cleanly.", e);
            }
        }
        LOG.info("TaskManager stopped.");
        terminationFuture.complete(null);
    }
}
