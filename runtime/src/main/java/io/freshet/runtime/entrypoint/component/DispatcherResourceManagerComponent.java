package io.freshet.runtime.entrypoint.component;

import java.util.UUID;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.dispatcher.Dispatcher;
import io.freshet.runtime.dispatcher.DispatcherGateway;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.highavailability.HighAvailabilityServices;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobmaster.JobMaster;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.leaderretrieval.StandaloneLeaderRetrievalService;
import io.freshet.runtime.resourcemanager.ResourceManager;
import io.freshet.runtime.resourcemanager.ResourceManagerGateway;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.resourcemanager.StandaloneResourceManager;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManagerConfiguration;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.util.clock.SystemClock;

/**
 * The JobManager side of a standalone session cluster on one RPC service: the ResourceManager, the Dispatcher, and
 * the Dispatcher's JobMasters (one per job). Without high availability every leader uses the well-known
 * {@link #DEFAULT_LEADER_ID}, so TaskManagers in other processes can reach them knowing only the JobManager's
 * address: the ResourceManager at {@code <rpc address>/resourcemanager}, JobMasters at the addresses the
 * ResourceManager hands out with slot requests.
 */
public final class DispatcherResourceManagerComponent implements AutoCloseable {

    /** The leader session id of every non-HA leader. */
    public static final UUID DEFAULT_LEADER_ID = HighAvailabilityServices.DEFAULT_LEADER_ID;

    private final RpcService rpcService;
    private final Configuration configuration;
    private final HeartbeatServices heartbeatServices;
    private final ResourceManager resourceManager;
    private final Dispatcher dispatcher;

    /** Creates the ResourceManager of a cluster; the standalone one, or one that starts workers (YARN). */
    @FunctionalInterface
    public interface ResourceManagerFactory {
        ResourceManager create(RpcService rpcService, String endpointId, ResourceID resourceId,
                ResourceManagerId resourceManagerId, HeartbeatServices heartbeatServices, SlotManager slotManager)
                throws Exception;
    }

    /** With a {@link StandaloneResourceManager}. */
    public DispatcherResourceManagerComponent(RpcService rpcService, Configuration configuration) throws Exception {
        this(rpcService, configuration, StandaloneResourceManager::new);
    }

    public DispatcherResourceManagerComponent(RpcService rpcService, Configuration configuration,
            ResourceManagerFactory resourceManagerFactory) throws Exception {
        this.rpcService = rpcService;
        this.configuration = configuration;
        this.heartbeatServices = HeartbeatServices.fromConfiguration(configuration);
        this.resourceManager = resourceManagerFactory.create(rpcService, ResourceManager.RESOURCE_MANAGER_NAME,
                ResourceID.generate(), new ResourceManagerId(DEFAULT_LEADER_ID), heartbeatServices,
                new SlotManager(SlotManagerConfiguration.fromConfiguration(configuration), SystemClock.getInstance()));
        this.dispatcher = new Dispatcher(rpcService, configuration, this::createJobMaster);
    }

    public void start() {
        resourceManager.start();
        dispatcher.start();
    }

    private JobMaster createJobMaster(JobGraph jobGraph) {
        return new JobMaster(rpcService, jobGraph, configuration, resourceManagerRetrieval(), ResourceID.generate(),
                new JobMasterId(DEFAULT_LEADER_ID), jobGraph.getJobConfiguration()
                        .getOptional(JobManagerOptions.SLOT_REQUEST_TIMEOUT)
                        .orElse(configuration.get(JobManagerOptions.SLOT_REQUEST_TIMEOUT)), heartbeatServices);
    }

    private LeaderRetrievalService resourceManagerRetrieval() {
        return new StandaloneLeaderRetrievalService(resourceManager.getAddress(), DEFAULT_LEADER_ID);
    }

    public DispatcherGateway getDispatcherGateway() {
        return dispatcher.getSelfGateway(DispatcherGateway.class);
    }

    public ResourceManager getResourceManager() {
        return resourceManager;
    }

    public ResourceManagerGateway getResourceManagerGateway() {
        return resourceManager.getSelfGateway(ResourceManagerGateway.class);
    }

    /** Stops the Dispatcher (cancelling its jobs) and then the ResourceManager. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        try {
            dispatcher.close();
        } catch (Exception e) {
            failure = e;
        }
        try {
            resourceManager.close();
        } catch (Exception e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
