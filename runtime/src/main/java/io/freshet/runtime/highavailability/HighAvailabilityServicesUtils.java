package io.freshet.runtime.highavailability;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.HighAvailabilityOptions;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.runtime.dispatcher.Dispatcher;
import io.freshet.runtime.highavailability.nonha.StandaloneHaServices;
import io.freshet.runtime.resourcemanager.ResourceManager;
import io.freshet.runtime.rpc.netty.NettyRpcService;

/** Creates the HA services that {@code high-availability.type} asks for. */
public final class HighAvailabilityServicesUtils {

    private HighAvailabilityServicesUtils() {}

    /**
     * {@code NONE}: leaders at {@code jobmanager.rpc.address}:{@code jobmanager.rpc.port}.
     *
     * @throws IllegalConfigurationException for a mode this build cannot serve, naming it
     */
    public static HighAvailabilityServices createHighAvailabilityServices(Configuration configuration) {
        String mode = configuration.get(HighAvailabilityOptions.HA_MODE).trim();
        if (mode.equalsIgnoreCase("NONE")) {
            String jobManager = NettyRpcService.SCHEME
                    + configuration.getOptional(JobManagerOptions.ADDRESS).orElse("localhost") + ":"
                    + configuration.get(JobManagerOptions.PORT) + "/";
            return new StandaloneHaServices(jobManager + ResourceManager.RESOURCE_MANAGER_NAME,
                    jobManager + Dispatcher.DISPATCHER_NAME);
        }
        throw new IllegalConfigurationException("'%s' is '%s', which this build of Freshet cannot serve yet: ZooKeeper"
                + " high availability comes with the zookeeper-ha module. Set it to NONE.",
                HighAvailabilityOptions.HA_MODE.key(), mode);
    }
}
