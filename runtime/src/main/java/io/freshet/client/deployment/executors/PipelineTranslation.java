package io.freshet.client.deployment.executors;

import java.util.List;

import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.PipelineOptions;
import io.freshet.runtime.jobgraph.JobGraph;

/**
 * Turns a program's {@link Pipeline} into the JobGraph a cluster runs, with the program's jars
 * ({@code pipeline.jars}) attached. A JobGraph is its own translation; the streaming and batch translators plug in
 * here when their APIs land.
 */
public final class PipelineTranslation {

    private PipelineTranslation() {}

    public static JobGraph toJobGraph(Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader) {
        if (!(pipeline instanceof JobGraph)) {
            throw new IllegalArgumentException("Cannot translate a pipeline of type " + pipeline.getClass().getName()
                    + " into a JobGraph: no translator for it is on the class path.");
        }
        JobGraph jobGraph = (JobGraph) pipeline;
        for (String jar : configuration.getOptional(PipelineOptions.JARS).orElse(List.of())) {
            jobGraph.addJar(jar);
        }
        return jobGraph;
    }
}
