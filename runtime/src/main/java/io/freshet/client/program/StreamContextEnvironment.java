package io.freshet.client.program;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.core.execution.JobClient;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;
import io.freshet.streaming.api.graph.StreamGraph;

/**
 * The {@link StreamExecutionEnvironment} of a program run by {@code bin/flink}: it submits where the command line
 * says ({@code -t}, {@code -m}, {@code -d}, {@code -D}, {@code -p}), with the program's own configuration on top,
 * prints Flink's CLI lines ({@code Job has been submitted with JobID <id>}, the result when attached), and in plan
 * mode ({@code bin/flink info}) hands its graph to the CLI instead of running it.
 */
public final class StreamContextEnvironment extends StreamExecutionEnvironment {

    private final ProgramContext context;

    StreamContextEnvironment(ProgramContext context, Configuration programConfiguration) {
        super(context.getExecutorServiceLoader(), merged(context.getConfiguration(), programConfiguration),
                context.getUserCodeClassLoader());
        this.context = context;
    }

    private static Configuration merged(Configuration contextConfiguration, Configuration programConfiguration) {
        Configuration merged = new Configuration(contextConfiguration);
        merged.addAll(programConfiguration);
        return merged;
    }

    @Override
    public JobExecutionResult execute(StreamGraph streamGraph) throws Exception {
        JobExecutionResult result = super.execute(streamGraph);
        if (configuration.get(DeploymentOptions.ATTACHED)) {
            context.getOut().print(result);
        }
        return result;
    }

    @Override
    public JobClient executeAsync(StreamGraph streamGraph) throws Exception {
        if (context.isPlanMode()) {
            context.capture(streamGraph);
            throw new ProgramAbortException();
        }
        JobClient client = super.executeAsync(streamGraph);
        context.getOut().println("Job has been submitted with JobID " + client.getJobID());
        return client;
    }
}
