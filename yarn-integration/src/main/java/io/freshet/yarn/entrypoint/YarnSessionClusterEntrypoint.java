package io.freshet.yarn.entrypoint;

import java.util.Map;

import org.apache.hadoop.yarn.conf.YarnConfiguration;

import io.freshet.configuration.Configuration;

/**
 * The ApplicationMaster of a YARN session ({@code bin/yarn-session.sh}): a long-running JobManager that accepts jobs
 * through its REST API and starts TaskManager containers as they need slots. It ends SUCCEEDED when its client
 * stops it ({@code DELETE /cluster}), FAILED on a fatal error.
 */
public final class YarnSessionClusterEntrypoint extends YarnClusterEntrypoint {

    public YarnSessionClusterEntrypoint(Configuration configuration, YarnConfiguration yarnConfiguration,
            Map<String, String> environment) {
        super(configuration, yarnConfiguration, environment);
    }

    public static void main(String[] args) {
        YarnSessionClusterEntrypoint entrypoint;
        try {
            entrypoint = new YarnSessionClusterEntrypoint(loadConfiguration("YarnSessionClusterEntrypoint", args),
                    loadYarnConfiguration(), System.getenv());
        } catch (Throwable t) {
            LOG.error("Could not start the YARN session's ApplicationMaster.", t);
            System.err.println("Could not start the YARN session's ApplicationMaster: " + t);
            System.exit(FAILURE_EXIT_CODE);
            return;
        }
        runAndExit("YARN session's ApplicationMaster", entrypoint);
    }
}
