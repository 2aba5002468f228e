package io.freshet.yarn;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.resourcemanager.ResourceManager;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.rpc.RpcService;

/**
 * The ResourceManager of a JobManager in a YARN ApplicationMaster: it asks YARN for a container per missing
 * TaskManager ({@code taskmanager.memory.process.size}, {@code yarn.containers.vcores}), starts a TaskExecutor in
 * each container it gets, and gives containers back when their TaskExecutor has been idle for
 * {@code resourcemanager.taskmanager-timeout}. A TaskExecutor's resource id is its container id.
 *
 * <h2>Workers</h2>
 * A container is <em>requested</em> (counted in {@link #pendingRequests}), then <em>starting</em> (allocated, its
 * TaskExecutor not registered yet), then <em>registered</em>, and maybe <em>stopping</em> (released by us).
 * Containers YARN allocates beyond the open requests are returned at once. A container that ends unless we stopped
 * it is reported to the base class: before its registration as a worker that failed to start (its slots are asked
 * for again), after it as a terminated worker (its slots are gone; the jobs' needs bring a new container).
 *
 * <h2>Threading</h2>
 * The YARN clients call back on their own threads; every callback hops onto the main thread with
 * {@link #runAsync}, so all state here is touched by the main thread only.
 */
public final class YarnResourceManager extends ResourceManager {

    /** How often the ApplicationMaster heartbeats YARN's ResourceManager, and so how fast containers arrive. */
    static final int HEARTBEAT_INTERVAL_MS = 250;

    private static final Priority PRIORITY = Priority.newInstance(1);
    private static final Duration YARN_CALL_TIMEOUT = Duration.ofMinutes(2);

    private final YarnConfiguration yarnConfiguration;
    private final TaskExecutorLaunchSpec launchSpec;
    private final Consumer<Throwable> fatalErrorHandler;

    private final Map<ResourceID, YarnWorker> workers = new HashMap<>();
    private int pendingRequests;
    private boolean registered;
    /** The largest container YARN grants; known after the registration. */
    private Resource maximumCapability;
    private boolean reportedTooLarge;

    private AMRMClientAsync<ContainerRequest> resourceManagerClient;
    private NMClientAsync nodeManagerClient;

    public YarnResourceManager(RpcService rpcService, String endpointId, ResourceID resourceId,
            ResourceManagerId resourceManagerId, HeartbeatServices heartbeatServices, SlotManager slotManager,
            YarnConfiguration yarnConfiguration, TaskExecutorLaunchSpec launchSpec,
            Consumer<Throwable> fatalErrorHandler) {
        super(rpcService, endpointId, resourceId, resourceManagerId, heartbeatServices, slotManager);
        this.yarnConfiguration = Objects.requireNonNull(yarnConfiguration, "yarnConfiguration");
        this.launchSpec = Objects.requireNonNull(launchSpec, "launchSpec");
        this.fatalErrorHandler = Objects.requireNonNull(fatalErrorHandler, "fatalErrorHandler");
    }

    // ---- lifecycle ----

    @Override
    protected void initialize() {
        resourceManagerClient = AMRMClientAsync.createAMRMClientAsync(HEARTBEAT_INTERVAL_MS, new RmCallback());
        resourceManagerClient.init(yarnConfiguration);
        resourceManagerClient.start();
        nodeManagerClient = NMClientAsync.createNMClientAsync(new NmCallback());
        nodeManagerClient.init(yarnConfiguration);
        nodeManagerClient.start();
    }

    @Override
    protected void terminate() {
        if (nodeManagerClient != null) {
            nodeManagerClient.stop();
        }
        if (resourceManagerClient != null) {
            resourceManagerClient.stop();
        }
    }

    /**
     * Registers the ApplicationMaster with YARN under the address of the REST API, which YARN shows as its tracking
     * URL; containers are requested only after it.
     */
    public CompletableFuture<Void> registerApplicationMaster(String host, int restPort, String trackingUrl) {
        return callAsync(() -> {
            RegisterApplicationMasterResponse response =
                    resourceManagerClient.registerApplicationMaster(host, restPort, trackingUrl);
            maximumCapability = response.getMaximumResourceCapability();
            registered = true;
            log.info("Registered the ApplicationMaster with YARN (tracking URL {}); YARN grants containers of up to"
                    + " {} MB and {} vcores; TaskManager containers have {} MB and {} vcores.", trackingUrl,
                    maximumCapability.getMemorySize(), maximumCapability.getVirtualCores(),
                    launchSpec.getResource().getMemorySize(), launchSpec.getResource().getVirtualCores());
            return null;
        }, YARN_CALL_TIMEOUT);
    }

    /**
     * Ends the application with {@code status}: YARN shows {@code diagnostics} and stops every container. Stopping
     * the JobManager afterwards is the caller's part.
     */
    public CompletableFuture<Void> unregisterApplicationMaster(FinalApplicationStatus status, String diagnostics) {
        return callAsync(() -> {
            if (!registered) {
                return null;
            }
            registered = false;
            resourceManagerClient.unregisterApplicationMaster(status, diagnostics, null);
            log.info("Unregistered the ApplicationMaster from YARN with final status {} ({}).", status, diagnostics);
            return null;
        }, YARN_CALL_TIMEOUT);
    }

    // ---- workers ----

    @Override
    protected int startNewWorker(int slotsNeeded) {
        if (!registered) {
            log.debug("Not registered with YARN (yet or any more); {} missing slots wait.", slotsNeeded);
            return 0;
        }
        Resource resource = launchSpec.getResource();
        if (resource.getMemorySize() > maximumCapability.getMemorySize()
                || resource.getVirtualCores() > maximumCapability.getVirtualCores()) {
            if (!reportedTooLarge) {
                reportedTooLarge = true;
                log.error("Cannot start TaskManagers: their containers ({} MB, {} vcores) are larger than YARN's"
                        + " largest container ({} MB, {} vcores: 'yarn.scheduler.maximum-allocation-mb' and '-vcores')."
                        + " Lower 'taskmanager.memory.process.size' or 'yarn.containers.vcores'.",
                        resource.getMemorySize(), resource.getVirtualCores(), maximumCapability.getMemorySize(),
                        maximumCapability.getVirtualCores());
            }
            return 0;
        }
        int slots = launchSpec.getSlotsPerTaskExecutor();
        int containers = (slotsNeeded + slots - 1) / slots;
        for (int i = 0; i < containers; i++) {
            resourceManagerClient.addContainerRequest(new ContainerRequest(resource, null, null, PRIORITY));
        }
        pendingRequests += containers;
        log.info("Requesting {} TaskManager container(s) of {} MB and {} vcores from YARN for {} missing slot(s);"
                + " {} request(s) open.", containers, resource.getMemorySize(), resource.getVirtualCores(),
                slotsNeeded, pendingRequests);
        return containers * slots;
    }

    @Override
    protected boolean stopWorker(ResourceID resourceId) {
        YarnWorker worker = workers.get(resourceId);
        if (worker == null || worker.stopping) {
            return false;
        }
        worker.stopping = true;
        log.info("Stopping idle TaskManager container {} on {}.", resourceId, worker.container.getNodeId());
        nodeManagerClient.stopContainerAsync(worker.container.getId(), worker.container.getNodeId());
        resourceManagerClient.releaseAssignedContainer(worker.container.getId());
        return true;
    }

    @Override
    protected void onWorkerRegistered(ResourceID resourceId) {
        YarnWorker worker = workers.get(resourceId);
        if (worker != null) {
            worker.registered = true;
        }
    }

    /** The containers holding a TaskExecutor, registered or starting; for tests and the log. */
    public CompletableFuture<List<String>> requestContainerIds() {
        return callAsync(() -> {
            List<String> ids = new ArrayList<>();
            for (ResourceID id : workers.keySet()) {
                ids.add(id.getResourceIdString());
            }
            return ids;
        }, YARN_CALL_TIMEOUT);
    }

    private void onContainersAllocated(List<Container> containers) {
        for (Container container : containers) {
            if (pendingRequests == 0 || !registered) {
                log.info("Returning container {} on {}: no TaskManager is missing.", container.getId(),
                        container.getNodeId());
                resourceManagerClient.releaseAssignedContainer(container.getId());
                continue;
            }
            pendingRequests--;
            removeOneRequest();
            ResourceID resourceId = new ResourceID(container.getId().toString());
            workers.put(resourceId, new YarnWorker(container));
            log.info("Starting a TaskManager in container {} on {} ({} request(s) still open).", container.getId(),
                    container.getNodeId(), pendingRequests);
            nodeManagerClient.startContainerAsync(container, launchSpec.newLaunchContext());
        }
    }

    private void removeOneRequest() {
        List<? extends Collection<ContainerRequest>> matching = resourceManagerClient.getMatchingRequests(PRIORITY,
                org.apache.hadoop.yarn.api.records.ResourceRequest.ANY, launchSpec.getResource());
        for (Collection<ContainerRequest> requests : matching) {
            for (ContainerRequest request : requests) {
                resourceManagerClient.removeContainerRequest(request);
                return;
            }
        }
    }

    private void onContainerCompleted(ContainerStatus status) {
        ResourceID resourceId = new ResourceID(status.getContainerId().toString());
        YarnWorker worker = workers.remove(resourceId);
        if (worker == null) {
            return;
        }
        String diagnostics = "container " + status.getContainerId() + " exited with status " + status.getExitStatus()
                + (status.getDiagnostics() == null || status.getDiagnostics().isBlank() ? ""
                        : ": " + status.getDiagnostics().trim());
        if (worker.stopping) {
            log.info("TaskManager container {} has stopped.", status.getContainerId());
            return;
        }
        if (!worker.registered) {
            log.warn("The TaskManager in {} ended before it registered; asking for another one. Its logs are in"
                    + " the container's log directory ('yarn logs -applicationId ...').", diagnostics);
            onWorkersFailedToStart(launchSpec.getSlotsPerTaskExecutor());
            return;
        }
        log.warn("The TaskManager in {} ended unexpectedly; a new container replaces it if jobs need its slots.",
                diagnostics);
        onWorkerTerminated(resourceId, diagnostics);
    }

    private void onStartContainerError(ContainerId containerId, Throwable error) {
        ResourceID resourceId = new ResourceID(containerId.toString());
        YarnWorker worker = workers.remove(resourceId);
        if (worker == null) {
            return;
        }
        log.warn("Could not start a TaskManager in container {}; returning it and asking for another one.",
                containerId, error);
        resourceManagerClient.releaseAssignedContainer(containerId);
        onWorkersFailedToStart(launchSpec.getSlotsPerTaskExecutor());
    }

    // ---- YARN callbacks: each hops onto the main thread ----

    private final class RmCallback extends AMRMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainersAllocated(List<Container> containers) {
            runAsync(() -> YarnResourceManager.this.onContainersAllocated(containers));
        }

        @Override
        public void onContainersCompleted(List<ContainerStatus> statuses) {
            runAsync(() -> statuses.forEach(YarnResourceManager.this::onContainerCompleted));
        }

        @Override
        public void onContainersUpdated(List<UpdatedContainer> containers) {}

        @Override
        public void onShutdownRequest() {
            fatalErrorHandler.accept(new IOException("YARN's ResourceManager told the ApplicationMaster to shut"
                    + " down (it no longer knows this attempt)."));
        }

        @Override
        public void onNodesUpdated(List<NodeReport> updatedNodes) {}

        @Override
        public float getProgress() {
            return 0;
        }

        @Override
        public void onError(Throwable error) {
            fatalErrorHandler.accept(new IOException("The ApplicationMaster lost its connection to YARN's"
                    + " ResourceManager.", error));
        }
    }

    private final class NmCallback extends NMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainerStarted(ContainerId containerId, Map<String, java.nio.ByteBuffer> serviceData) {
            log.debug("Container {} started.", containerId);
        }

        @Override
        public void onContainerStatusReceived(ContainerId containerId, ContainerStatus status) {}

        @Override
        public void onContainerStopped(ContainerId containerId) {
            log.debug("Container {} stopped.", containerId);
        }

        @Override
        public void onStartContainerError(ContainerId containerId, Throwable error) {
            runAsync(() -> YarnResourceManager.this.onStartContainerError(containerId, error));
        }

        @Override
        public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {}

        @Override
        public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {}

        @Override
        public void onGetContainerStatusError(ContainerId containerId, Throwable error) {}

        @Override
        public void onIncreaseContainerResourceError(ContainerId containerId, Throwable error) {}

        @Override
        public void onUpdateContainerResourceError(ContainerId containerId, Throwable error) {}

        @Override
        public void onStopContainerError(ContainerId containerId, Throwable error) {
            log.warn("Could not stop container {}; YARN stops it when the application ends.", containerId, error);
        }
    }

    private static final class YarnWorker {
        private final Container container;
        private boolean registered;
        private boolean stopping;

        YarnWorker(Container container) {
            this.container = container;
        }
    }
}
