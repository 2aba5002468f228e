package io.freshet.client.deployment.executors;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.core.execution.PipelineExecutor;
import io.freshet.core.execution.PipelineExecutorFactory;

/** The {@code local} execution target. */
public final class LocalExecutorFactory implements PipelineExecutorFactory {

    @Override
    public String getName() {
        return LocalExecutor.NAME;
    }

    @Override
    public boolean isCompatibleWith(Configuration configuration) {
        return LocalExecutor.NAME.equalsIgnoreCase(configuration.getOptional(DeploymentOptions.TARGET).orElse(""));
    }

    @Override
    public PipelineExecutor getExecutor(Configuration configuration) {
        return new LocalExecutor();
    }
}
