package io.freshet.runtime.entrypoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.runtime.blob.BlobServer;
import io.freshet.runtime.entrypoint.component.DispatcherResourceManagerComponent;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.webmonitor.WebMonitorEndpoint;

/** What every JobManager process (standalone or in a YARN ApplicationMaster) stops when it ends. */
public final class JobManagerServices {

    private static final Logger LOG = LoggerFactory.getLogger(JobManagerServices.class);

    private JobManagerServices() {}

    /**
     * Stops the REST endpoint, the blob server, the Dispatcher and ResourceManager, then the RPC service, in that
     * order; any may be null (not started). Logs what fails and goes on.
     */
    public static void stop(WebMonitorEndpoint webMonitor, BlobServer blobServer,
            DispatcherResourceManagerComponent component, RpcService rpcService) {
        if (webMonitor != null) {
            webMonitor.close();
        }
        if (blobServer != null) {
            blobServer.close();
        }
        try {
            if (component != null) {
                component.close();
            }
        } catch (Exception e) {
            LOG.warn("Could not stop the JobManager's components cleanly.", e);
        }
        try {
            if (rpcService != null) {
                rpcService.close();
            }
        } catch (Exception e) {
            LOG.warn("Could not stop the JobManager's RPC service cleanly.", e);
        }
        LOG.info("JobManager stopped.");
    }
}
