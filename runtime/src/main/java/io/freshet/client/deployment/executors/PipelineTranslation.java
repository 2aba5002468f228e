package io.freshet.client.deployment.executors;

import java.util.List;

import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.PipelineOptions;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.streaming.api.graph.StreamGraph;
import io.freshet.streaming.api.graph.StreamingJobGraphGenerator;

/**
 * Turns a program's {@link Pipeline} into the JobGraph a cluster runs, with the program's jars
 * ({@code pipeline.jars}) attached: a DataStream program's {@link StreamGraph} through the
 * {@link StreamingJobGraphGenerator}; a JobGraph is its own translation. The batch translator plugs in here when the
 * DataSet API lands.
 */
public final class PipelineTranslation {

    private PipelineTranslation() {}

    public static JobGraph toJobGraph(Pipeline pipeline, Configuration configuration, ClassLoader userCodeClassLoader) {
        JobGraph jobGraph;
        if (pipeline instanceof JobGraph) {
            jobGraph = (JobGraph) pipeline;
        } else if (pipeline instanceof StreamGraph) {
            jobGraph = StreamingJobGraphGenerator.createJobGraph((StreamGraph) pipeline);
            jobGraph.getJobConfiguration().addAll(configuration);
        } else {
            throw new IllegalArgumentException("Cannot translate a pipeline of type " + pipeline.getClass().getName()
                    + " into a JobGraph: no translator for it is on the class path.");
        }
        for (String jar : configuration.getOptional(PipelineOptions.JARS).orElse(List.of())) {
            jobGraph.addJar(jar);
        }
        return jobGraph;
    }
}
