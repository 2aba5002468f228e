package io.freshet.client.deployment;

import java.io.File;
import java.io.PrintStream;
import java.util.List;

import io.freshet.configuration.Configuration;

/**
 * Deploys a cluster that runs a program's main method itself (application mode, {@code bin/flink run-application
 * -t <target>}). Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.freshet.client.deployment.ApplicationClusterDeployer}) by {@code execution.target}.
 */
public interface ApplicationClusterDeployer {

    /** Whether this deployer serves the configuration's {@code execution.target}. */
    boolean isCompatibleWith(Configuration configuration);

    /**
     * Deploys the cluster and returns once it runs the program; prints where it runs to {@code out}.
     *
     * @param entryClass the program's main class, or null for the one the jar's manifest names
     */
    void run(Configuration configuration, File jar, String entryClass, List<String> arguments, PrintStream out)
            throws Exception;
}
