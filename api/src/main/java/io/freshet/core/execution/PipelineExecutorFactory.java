package io.freshet.core.execution;

import io.freshet.configuration.Configuration;

/**
 * Creates the {@link PipelineExecutor} of one {@code execution.target}. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.freshet.core.execution.PipelineExecutorFactory}).
 */
public interface PipelineExecutorFactory {

    /** The {@code execution.target} this factory serves: {@code local}, {@code remote}, {@code yarn-per-job}, ... */
    String getName();

    /** True when the configuration's {@code execution.target} is this factory's. */
    boolean isCompatibleWith(Configuration configuration);

    PipelineExecutor getExecutor(Configuration configuration);
}
