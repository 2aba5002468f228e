package io.freshet.streaming.api.graph;

import java.time.Duration;
import java.util.List;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.RuntimeExecutionMode;
import io.freshet.api.dag.Pipeline;
import io.freshet.api.dag.Transformation;
import io.freshet.configuration.Configuration;

/**
 * A DataStream program as executors receive it: its transformations (everything reachable from its sinks), the job
 * name and how it runs. The runtime turns it into a JobGraph with operator chaining.
 */
public final class StreamGraph implements Pipeline {

    private final String jobName;
    private final List<Transformation<?>> transformations;
    private final ExecutionConfig executionConfig;
    private final Configuration configuration;
    private final boolean chainingEnabled;
    private final Duration bufferTimeout;
    private final RuntimeExecutionMode runtimeMode;

    public StreamGraph(String jobName, List<Transformation<?>> transformations, ExecutionConfig executionConfig,
            Configuration configuration, boolean chainingEnabled, Duration bufferTimeout,
            RuntimeExecutionMode runtimeMode) {
        this.jobName = jobName;
        this.transformations = List.copyOf(transformations);
        this.executionConfig = executionConfig;
        this.configuration = configuration;
        this.chainingEnabled = chainingEnabled;
        this.bufferTimeout = bufferTimeout;
        this.runtimeMode = runtimeMode;
    }

    public String getJobName() {
        return jobName;
    }

    /** The sinks (and other terminal transformations) the program registered, in registration order. */
    public List<Transformation<?>> getTransformations() {
        return transformations;
    }

    public ExecutionConfig getExecutionConfig() {
        return executionConfig;
    }

    /** The program's configuration (the environment's, with the CLI's options under it). */
    public Configuration getConfiguration() {
        return configuration;
    }

    public boolean isChainingEnabled() {
        return chainingEnabled;
    }

    public Duration getBufferTimeout() {
        return bufferTimeout;
    }

    public RuntimeExecutionMode getRuntimeMode() {
        return runtimeMode;
    }
}
