package io.freshet.core.execution;

import java.util.stream.Stream;

import io.freshet.configuration.Configuration;

/** Finds the {@link PipelineExecutorFactory} for a configuration's {@code execution.target}. */
public interface PipelineExecutorServiceLoader {

    /** @throws IllegalStateException naming the target and the known targets when none or several match */
    PipelineExecutorFactory getExecutorFactory(Configuration configuration);

    /** The names of every target available. */
    Stream<String> getExecutorNames();
}
