package io.freshet.runtime.entrypoint;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.RestOptions;
import io.freshet.core.fs.FileSystem;
import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.webmonitor.WebMonitorEndpoint;

/**
 * The JobManager process of a standalone session cluster ({@code bin/jobmanager.sh start},
 * {@code bin/start-cluster.sh}): an RPC service at {@code jobmanager.rpc.address}:{@code jobmanager.rpc.port} with
 * the ResourceManager, the Dispatcher and its JobMasters, and the REST API at {@code rest.bind-port}. It runs until it is stopped (SIGTERM runs the shutdown
 * hook: running jobs are cancelled, the TaskManagers see the JobManager go).
 *
 * <p>Exit codes: 0 after a shutdown, 1 when it cannot start (a bad argument or configuration, a port in use), with
 * the reason in the log and on standard error.
 */
public final class StandaloneSessionClusterEntrypoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneSessionClusterEntrypoint.class);

    /** Printed on standard output once a daemon is up; the start scripts wait for it. */
    public static final String DAEMON_STARTED_MARKER = "FRESHET_DAEMON_STARTED";

    /** The exit code of a process that could not start. */
    public static final int STARTUP_FAILURE_RETURN_CODE = 1;

    private final Configuration configuration;
    private final CompletableFuture<Void> terminationFuture = new CompletableFuture<>();
    private RpcService rpcService;
    private DispatcherResourceManagerComponent component;
    private BlobServer blobServer;
    private WebMonitorEndpoint webMonitor;

    public StandaloneSessionClusterEntrypoint(Configuration configuration) {
        this.configuration = configuration;
    }

    public static void main(String[] args) {
        StandaloneSessionClusterEntrypoint entrypoint;
        try {
            EntrypointArguments arguments = EntrypointArguments.parse("StandaloneSessionClusterEntrypoint", args);
            Configuration configuration = arguments.loadConfiguration();
            FileSystem.initialize(configuration);
            arguments.getHost().ifPresent(host -> configuration.set(JobManagerOptions.ADDRESS, host));
            // conf/masters' host:webui-port, passed on by bin/jobmanager.sh
            arguments.getWebUiPort().filter(port -> port > 0).ifPresent(port -> configuration.set(RestOptions.PORT, port));
            entrypoint = new StandaloneSessionClusterEntrypoint(configuration);
            entrypoint.start();
        } catch (Throwable t) {
            LOG.error("Could not start the JobManager.", t);
            System.err.println("Could not start the JobManager: " + t.getMessage());
            System.exit(STARTUP_FAILURE_RETURN_CODE);
            return;
        }
        // bin/flink-daemon.sh waits for this line on standard output before it reports the start
        System.out.println(DAEMON_STARTED_MARKER + " JobManager at " + entrypoint.getRpcService().getAddress()
                + ", REST at " + entrypoint.getWebMonitor().getRestBaseUrl());
        System.out.flush();
        StandaloneSessionClusterEntrypoint running = entrypoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down the JobManager (signal received).");
            running.close();
        }, "jobmanager-shutdown-hook"));
        running.getTerminationFuture().join();
    }

    /** Starts the RPC service and the JobManager's components; throws if any of them cannot start. */
    public void start() throws Exception {
        String address = configuration.getOptional(JobManagerOptions.ADDRESS).orElse("localhost");
        int port = configuration.get(JobManagerOptions.PORT);
        LOG.info("Starting StandaloneSessionClusterEntrypoint at {}:{} (Java {}, pid {}).", address, port,
                Runtime.version(), ProcessHandle.current().pid());
        try {
            rpcService = RpcSystem.netty().createService("jobmanager", address, port, configuration);
        } catch (Exception e) {
            throw new IllegalStateException("The JobManager cannot listen on " + address + ":" + port + " ("
                    + e.getMessage() + "). Is another JobManager running? Change '" + JobManagerOptions.PORT.key()
                    + "' or stop it.", e);
        }
        component = new DispatcherResourceManagerComponent(rpcService, configuration);
        component.start();
        blobServer = new BlobServer(configuration, address);
        webMonitor = new WebMonitorEndpoint(configuration, component.getDispatcherGateway(),
                component.getResourceManagerGateway(), blobServer);
        LOG.info("JobManager started at {}; REST API and Web UI at {}.", rpcService.getAddress(),
                webMonitor.getRestBaseUrl());
    }

    public RpcService getRpcService() {
        return rpcService;
    }

    public DispatcherResourceManagerComponent getComponent() {
        return component;
    }

    /** The REST endpoint, once {@link #start()} has returned. */
    public WebMonitorEndpoint getWebMonitor() {
        return webMonitor;
    }

    /** Completes once {@link #close()} has stopped everything. */
    public CompletableFuture<Void> getTerminationFuture() {
        return terminationFuture;
    }

    /** Stops the components and the RPC service; logs what fails and goes on. Idempotent. */
    @Override
    public void close() {
        if (terminationFuture.isDone()) {
            return;
        }
        JobManagerServices.stop(webMonitor, blobServer, component, rpcService);
        terminationFuture.complete(null);
    }
}
