package io.freshet.yarn.executors;

import java.util.Set;

import io.freshet.client.deployment.RestEndpointResolver;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.configuration.RestOptions;
import io.freshet.yarn.YarnClusterClient;
import io.freshet.yarn.YarnClusterDescriptor;

/**
 * {@code bin/flink list|cancel|savepoint|stop -t yarn-session|yarn-per-job|yarn-application}: the REST API of the YARN
 * application {@code yarn.application.id}, else of the session in the YARN properties file.
 */
public final class YarnRestEndpointResolver implements RestEndpointResolver {

    private static final Set<String> TARGETS = Set.of(YarnSessionClusterExecutor.NAME, YarnJobClusterExecutor.NAME,
            "yarn-application");

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
        return TARGETS.contains(configuration.getOptional(DeploymentOptions.TARGET).orElse(""));
    }

    @Override
    public Configuration resolve(Configuration configuration) throws Exception {
        try (YarnClusterDescriptor descriptor = YarnClusterDescriptor.fromEnvironment(configuration);
                YarnClusterClient cluster = descriptor.retrieve(
                        YarnSessionClusterExecutor.sessionApplicationId(configuration))) {
            Configuration resolved = new Configuration(configuration);
            resolved.set(RestOptions.ADDRESS, cluster.getRestHost());
            resolved.set(RestOptions.PORT, cluster.getRestPort());
            return resolved;
        }
    }
}
