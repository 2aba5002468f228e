package io.freshet.client.deployment;

import io.freshet.configuration.Configuration;

/**
 * Finds the REST endpoint of a cluster that {@code bin/flink list}, {@code cancel}, {@code savepoint} and {@code stop}
 * talk to when {@code execution.target} names a kind of cluster whose address is found at runtime (YARN: the
 * application's report). Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.freshet.client.deployment.RestEndpointResolver}); the {@code remote} target needs none.
 */
public interface RestEndpointResolver {

    /** Whether this resolver serves the configuration's {@code execution.target}. */
    boolean isCompatibleWith(Configuration configuration);

    /**
     * A copy of {@code configuration} with {@code rest.address} and {@code rest.port} of the cluster it names.
     *
     * @throws Exception with a message that says which cluster was not found and what to do
     */
    Configuration resolve(Configuration configuration) throws Exception;
}
