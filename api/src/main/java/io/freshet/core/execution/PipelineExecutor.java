package io.freshet.core.execution;

import java.util.concurrent.CompletableFuture;

import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;

/** Runs a {@link Pipeline} somewhere: in an embedded MiniCluster, on a running cluster, on YARN. */
public interface PipelineExecutor {

    /**
     * Submits the pipeline; the future completes once the job is submitted (not when it ends).
     *
     * @param userCodeClassloader the class loader of the program's classes
     */
    CompletableFuture<JobClient> execute(Pipeline pipeline, Configuration configuration,
            ClassLoader userCodeClassloader) throws Exception;
}
