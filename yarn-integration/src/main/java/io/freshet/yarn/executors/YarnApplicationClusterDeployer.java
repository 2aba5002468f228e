package io.freshet.yarn.executors;

import java.io.File;
import java.io.PrintStream;
import java.util.List;

import io.freshet.client.deployment.ApplicationClusterDeployer;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.yarn.YarnClusterClient;
import io.freshet.yarn.YarnClusterDescriptor;

/**
 * {@code bin/flink run-application -t yarn-application}: deploys a YARN application whose ApplicationMaster runs the
 * program's main method, and returns once it runs.
 */
public final class YarnApplicationClusterDeployer implements ApplicationClusterDeployer {

    public static final String NAME = "yarn-application";

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
        return NAME.equalsIgnoreCase(configuration.getOptional(DeploymentOptions.TARGET).orElse(""));
    }

    @Override
    public void run(Configuration configuration, File jar, String entryClass, List<String> arguments,
            PrintStream out) throws Exception {
        try (YarnClusterDescriptor descriptor = YarnClusterDescriptor.fromEnvironment(configuration);
                YarnClusterClient cluster = descriptor.deployApplicationCluster(jar, entryClass, arguments)) {
            out.println("YARN application id: " + cluster.getApplicationId());
            out.println("Found Web Interface " + cluster.getWebInterfaceAddress() + " of application '"
                    + cluster.getApplicationId() + "'.");
            out.println("The application runs the program " + jar.getName() + " on the cluster; 'yarn application"
                    + " -status " + cluster.getApplicationId() + "' shows how it ends.");
        }
    }
}
