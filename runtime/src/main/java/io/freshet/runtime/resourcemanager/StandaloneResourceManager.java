package io.freshet.runtime.resourcemanager;

import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.rpc.RpcService;

/**
 * The ResourceManager of a standalone cluster (and of the MiniCluster): TaskManagers are started by someone else
 * ({@code bin/start-cluster.sh}, the MiniCluster) and register themselves. It never starts or stops workers: a job
 * that needs more slots than are free waits until TaskManagers register, or until its JobMaster's slot request
 * times out ({@code slot.request.timeout}).
 */
public class StandaloneResourceManager extends ResourceManager {

    public StandaloneResourceManager(RpcService rpcService, String endpointId, ResourceID resourceId,
            HeartbeatServices heartbeatServices, SlotManager slotManager) {
        super(rpcService, endpointId, resourceId, heartbeatServices, slotManager);
    }

    public StandaloneResourceManager(RpcService rpcService, String endpointId, ResourceID resourceId,
            ResourceManagerId resourceManagerId, HeartbeatServices heartbeatServices, SlotManager slotManager) {
        super(rpcService, endpointId, resourceId, resourceManagerId, heartbeatServices, slotManager);
    }

    @Override
    protected void initialize() {}

    @Override
    protected void terminate() {}

    @Override
    protected int startNewWorker(int slotsNeeded) {
        log.debug("A standalone cluster starts no TaskManagers; {} slots stay missing until some register.",
                slotsNeeded);
        return 0;
    }

    @Override
    protected boolean stopWorker(ResourceID resourceId) {
        return false;
    }
}
