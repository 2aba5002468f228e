package io.freshet.yarn.executors;

import java.util.concurrent.CompletableFuture;

import org.apache.hadoop.yarn.api.records.ApplicationId;

import io.freshet.api.dag.Pipeline;
import io.freshet.client.deployment.executors.RemoteExecutor;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.configuration.RestOptions;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.core.execution.PipelineExecutorFactory;
import io.freshet.yarn.ClusterDeploymentException;
import io.freshet.yarn.YarnClusterClient;
import io.freshet.yarn.YarnClusterDescriptor;
import io.freshet.yarn.cli.FlinkYarnSessionCli;
import io.freshet.yarn.cli.YarnPropertiesFile;
import io.freshet.yarn.configuration.YarnConfigOptions;

/**
 * The {@code yarn-session} target: submits to a running YARN session, {@code yarn.application.id} or else the one
 * {@code bin/yarn-session.sh} remembered in the YARN properties file. It finds the session's REST API through YARN and
 * submits there as the {@code remote} target does.
 */
public final class YarnSessionClusterExecutor implements PipelineExecutor {

    public static final String NAME = "yarn-session";

    @Override
    public CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception {
        ApplicationId applicationId = sessionApplicationId(configuration);
        try (YarnClusterDescriptor descriptor = YarnClusterDescriptor.fromEnvironment(configuration);
                YarnClusterClient cluster = descriptor.retrieve(applicationId)) {
            Configuration rest = new Configuration(configuration);
            rest.set(RestOptions.ADDRESS, cluster.getRestHost());
            rest.set(RestOptions.PORT, cluster.getRestPort());
            return new RemoteExecutor().execute(pipeline, rest, userCodeClassloader);
        }
    }

    /** {@code yarn.application.id}, else the id in the YARN properties file. */
    public static ApplicationId sessionApplicationId(Configuration configuration) throws Exception {
        String id = configuration.getOptional(YarnConfigOptions.APPLICATION_ID).orElse(null);
        if (id == null) {
            YarnPropertiesFile file = new YarnPropertiesFile(configuration);
            id = file.readApplicationId().orElseThrow(() -> new ClusterDeploymentException("No YARN session to"
                    + " submit to: '" + YarnConfigOptions.APPLICATION_ID.key() + "' is not set and " + file.getPath()
                    + " names none. Start one with bin/yarn-session.sh, or pass -D"
                    + YarnConfigOptions.APPLICATION_ID.key() + "=<application id>."));
        }
        return FlinkYarnSessionCli.parseApplicationId(id);
    }

    /** The factory behind {@code execution.target: yarn-session}. */
    public static final class Factory implements PipelineExecutorFactory {
        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isCompatibleWith(Configuration configuration) {
            return NAME.equalsIgnoreCase(configuration.getOptional(DeploymentOptions.TARGET).orElse(""));
        }

        @Override
        public PipelineExecutor getExecutor(Configuration configuration) {
            return new YarnSessionClusterExecutor();
        }
    }
}
