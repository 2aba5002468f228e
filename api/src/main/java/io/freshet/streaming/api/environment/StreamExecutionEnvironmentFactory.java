package io.freshet.streaming.api.environment;

import io.freshet.configuration.Configuration;

/** Creates the environment {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns in a context. */
@FunctionalInterface
public interface StreamExecutionEnvironmentFactory {

    /** @param configuration the program's own configuration, laid over the context's */
    StreamExecutionEnvironment createExecutionEnvironment(Configuration configuration);
}
