package io.freshet.yarn.entrypoint;

import java.io.File;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.BlobServerOptions;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.RestOptions;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.core.fs.FileSystem;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.clusterframework.ProcessMemorySpec;
import io.freshet.runtime.entrypoint.EntrypointArguments;
import io.freshet.runtime.entrypoint.JobManagerServices;
import io.freshet.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.webmonitor.WebMonitorEndpoint;
import io.freshet.yarn.TaskExecutorLaunchSpec;
import io.freshet.yarn.YarnApplicationFiles;
import io.freshet.yarn.YarnConfigKeys;
import io.freshet.yarn.YarnResourceManager;
import io.freshet.yarn.YarnTaskExecutorRunner;
import io.freshet.yarn.configuration.YarnConfigOptions;

/**
 * The JobManager in a YARN ApplicationMaster: the RPC service, the ResourceManager ({@link YarnResourceManager}), the
 * Dispatcher with its JobMasters and the REST API, all on the host of the AM's NodeManager with free ports. It
 * registers with YARN under the REST address (YARN's tracking URL, and where the client finds the REST API) and
 * runs until {@link #shutDown} ends the application with a final status: through {@code DELETE /cluster} for a
 * session, at the end of the job for a per-job cluster, or with FAILED on a fatal error.
 *
 * <p>Before unregistering it deletes the application's staging directory. Its {@code main} always ends with
 * {@code System.exit}: Hadoop's client threads are not daemons, and an AM that crashed but lives on would keep the
 * application RUNNING.
 */
public abstract class YarnClusterEntrypoint implements AutoCloseable {

    protected static final Logger LOG = LoggerFactory.getLogger(YarnClusterEntrypoint.class);

    /** The exit code of an AM that could not start or ended with a failure. */
    public static final int FAILURE_EXIT_CODE = 1;

    private final Configuration configuration;
    private final YarnConfiguration yarnConfiguration;
    private final Map<String, String> environment;
    private final CompletableFuture<FinalApplicationStatus> terminationFuture = new CompletableFuture<>();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    private RpcService rpcService;
    private DispatcherResourceManagerComponent component;
    private BlobServer blobServer;
    private WebMonitorEndpoint webMonitor;

    protected YarnClusterEntrypoint(Configuration configuration, YarnConfiguration yarnConfiguration,
            Map<String, String> environment) {
        this.configuration = configuration;
        this.yarnConfiguration = yarnConfiguration;
        this.environment = environment;
    }

    /** The configuration of the AM: the shipped config.yaml with the command line's -D on top. */
    protected static Configuration loadConfiguration(String processName, String[] args) {
        EntrypointArguments arguments = EntrypointArguments.parse(processName, withDefaultConfigDir(args));
        Configuration configuration = arguments.loadConfiguration();
        FileSystem.initialize(configuration);
        return configuration;
    }

    private static String[] withDefaultConfigDir(String[] args) {
        for (String arg : args) {
            if (arg.equals("--configDir") || arg.equals("-c")) {
                return args;
            }
        }
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--configDir");
        all.add(new File(".").getAbsolutePath());
        return all.toArray(new String[0]);
    }

    /** The Hadoop configuration the client shipped ({@value YarnConfigKeys#HADOOP_CONF_FILE}) over the defaults. */
    protected static YarnConfiguration loadYarnConfiguration() throws MalformedURLException {
        YarnConfiguration yarn = new YarnConfiguration();
        File shipped = new File(YarnConfigKeys.HADOOP_CONF_FILE);
        if (shipped.isFile()) {
            yarn.addResource(shipped.toURI().toURL());
        }
        return yarn;
    }

    /** Runs an entrypoint to its end and exits the JVM with its status. */
    protected static void runAndExit(String processName, YarnClusterEntrypoint entrypoint) {
        try {
            entrypoint.start();
        } catch (Throwable t) {
            LOG.error("Could not start the {}.", processName, t);
            System.err.println("Could not start the " + processName + ": " + t);
            entrypoint.shutDown(FinalApplicationStatus.FAILED, "The " + processName + " could not start: " + t);
            entrypoint.getTerminationFuture().join();
            System.exit(FAILURE_EXIT_CODE);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(entrypoint::close, "yarn-entrypoint-shutdown-hook"));
        FinalApplicationStatus status = entrypoint.getTerminationFuture().join();
        System.exit(status == FinalApplicationStatus.SUCCEEDED ? 0 : FAILURE_EXIT_CODE);
    }

    /** Starts everything and registers with YARN; throws if any part cannot start. */
    public void start() throws Exception {
        String host = environment.getOrDefault(ApplicationConstants.Environment.NM_HOST.name(), "localhost");
        LOG.info("Starting {} in container {} on {} (Java {}, pid {}).", getClass().getSimpleName(),
                environment.get(ApplicationConstants.Environment.CONTAINER_ID.name()), host, Runtime.version(),
                ProcessHandle.current().pid());
        configuration.set(JobManagerOptions.ADDRESS, host);
        configuration.set(RestOptions.ADDRESS, host);
        // YARN picks the host; the ports are free ones, announced through YARN's application report
        configuration.setString(RestOptions.BIND_PORT.key(), "0");
        configuration.setString(BlobServerOptions.PORT.key(), "0");
        rpcService = RpcSystem.netty().createService("jobmanager", host, 0, configuration);
        configuration.set(JobManagerOptions.PORT, rpcService.getPort());

        TaskExecutorLaunchSpec launchSpec = taskExecutorLaunchSpec(host, rpcService.getPort());
        component = new DispatcherResourceManagerComponent(rpcService, configuration,
                (rpc, endpointId, resourceId, leaderId, heartbeats, slotManager) -> new YarnResourceManager(rpc,
                        endpointId, resourceId, leaderId, heartbeats, slotManager, yarnConfiguration, launchSpec,
                        this::onFatalError));
        component.start();
        blobServer = new BlobServer(configuration, host);
        webMonitor = new WebMonitorEndpoint(configuration, component.getDispatcherGateway(),
                component.getResourceManagerGateway(), blobServer, this::onClusterShutdownRequest);
        String restUrl = webMonitor.getRestBaseUrl();
        getYarnResourceManager().registerApplicationMaster(host, webMonitor.getRestPort(), restUrl)
                .get(2, TimeUnit.MINUTES);
        LOG.info("JobManager started at {}; REST API and Web UI at {}.", rpcService.getAddress(), restUrl);
        onStarted();
    }

    /** Called once everything runs and the AM is registered: a per-job cluster submits its job here. */
    protected void onStarted() throws Exception {}

    /** The dispatcher, the REST endpoint and the YARN resource manager, once started. */
    protected final DispatcherResourceManagerComponent getComponent() {
        return component;
    }

    protected final YarnResourceManager getYarnResourceManager() {
        return (YarnResourceManager) component.getResourceManager();
    }

    private TaskExecutorLaunchSpec taskExecutorLaunchSpec(String jobManagerHost, int jobManagerPort)
            throws Exception {
        String stagingDirectory = environment.get(YarnConfigKeys.ENV_STAGING_DIR);
        if (stagingDirectory == null) {
            throw new IllegalStateException("The environment variable " + YarnConfigKeys.ENV_STAGING_DIR + " is not"
                    + " set: the ApplicationMaster must be started by Freshet's YarnClusterDescriptor.");
        }
        Map<String, org.apache.hadoop.yarn.api.records.LocalResource> resources = YarnApplicationFiles
                .listLocalResources(yarnConfiguration, new Path(stagingDirectory),
                        configuration.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of()));
        resources.remove(YarnConfigKeys.JOB_GRAPH_FILE);

        ProcessMemorySpec memory = ProcessMemorySpec.forTaskManager(configuration);
        int slots = configuration.get(TaskManagerOptions.NUM_TASK_SLOTS);
        int vcores = configuration.get(YarnConfigOptions.VCORES);
        Resource resource = Resource.newInstance(
                configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getMebiBytes(), vcores > 0 ? vcores : slots);

        Map<String, String> containerEnvironment = new HashMap<>();
        containerEnvironment.put(ApplicationConstants.Environment.CLASSPATH.name(),
                environment.getOrDefault(YarnConfigKeys.ENV_CLASSPATH, ""));
        String javaHome = environment.get(ApplicationConstants.Environment.JAVA_HOME.name());
        if (javaHome != null) {
            containerEnvironment.put(ApplicationConstants.Environment.JAVA_HOME.name(), javaHome);
        }
        String jvmArguments = memory.jvmMemoryArguments() + " " + configuration.get(CoreOptions.FLINK_JVM_OPTIONS)
                + " " + configuration.get(CoreOptions.FLINK_TM_JVM_OPTIONS);
        List<String> commands = YarnApplicationFiles.javaCommand("taskmanager", jvmArguments,
                resources.containsKey(YarnConfigKeys.LOG4J_FILE), YarnTaskExecutorRunner.class.getName(),
                List.of("--configDir", ".", "-D" + JobManagerOptions.ADDRESS.key() + "=" + jobManagerHost,
                        "-D" + JobManagerOptions.PORT.key() + "=" + jobManagerPort));
        return new TaskExecutorLaunchSpec(resource, slots, resources, containerEnvironment, commands);
    }

    // ---- shutdown ----

    private void onClusterShutdownRequest() {
        new Thread(() -> shutDown(FinalApplicationStatus.SUCCEEDED, "The session was stopped by its client."),
                "yarn-cluster-shutdown").start();
    }

    private void onFatalError(Throwable error) {
        LOG.error("Fatal error in the ApplicationMaster; the application ends FAILED.", error);
        new Thread(() -> shutDown(FinalApplicationStatus.FAILED, "Fatal error in the ApplicationMaster: " + error),
                "yarn-cluster-shutdown").start();
    }

    /**
     * Deletes the staging directory, unregisters from YARN with {@code status} and {@code diagnostics}, and stops
     * everything; the termination future then completes with {@code status}. Only the first call acts.
     */
    public void shutDown(FinalApplicationStatus status, String diagnostics) {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Shutting down the cluster with final status {}: {}", status, diagnostics);
        deleteStagingDirectory();
        if (component != null) {
            try {
                getYarnResourceManager().unregisterApplicationMaster(status, diagnostics).get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                LOG.warn("Could not unregister the ApplicationMaster from YARN; YARN will count this attempt as"
                        + " failed.", e);
            }
        }
        stopServices();
        terminationFuture.complete(status);
    }

    private void deleteStagingDirectory() {
        String stagingDirectory = environment.get(YarnConfigKeys.ENV_STAGING_DIR);
        if (stagingDirectory == null) {
            return;
        }
        try {
            Path path = new Path(stagingDirectory);
            path.getFileSystem(yarnConfiguration).delete(path, true);
            LOG.info("Deleted the staging directory {}.", stagingDirectory);
        } catch (Exception e) {
            LOG.warn("Could not delete the staging directory {}; remove it by hand.", stagingDirectory, e);
        }
    }

    private void stopServices() {
        JobManagerServices.stop(webMonitor, blobServer, component, rpcService);
    }

    /** Completes with the final status once {@link #shutDown} has stopped everything. */
    public CompletableFuture<FinalApplicationStatus> getTerminationFuture() {
        return terminationFuture;
    }

    protected final BlobServer getBlobServer() {
        return blobServer;
    }

    public WebMonitorEndpoint getWebMonitor() {
        return webMonitor;
    }

    protected final Configuration getConfiguration() {
        return configuration;
    }

    /** On SIGTERM (YARN kills the AM): stops without unregistering, so that YARN records the kill. */
    @Override
    public void close() {
        if (!shuttingDown.compareAndSet(false, true)) {
            return;
        }
        stopServices();
        terminationFuture.complete(FinalApplicationStatus.KILLED);
    }
}
