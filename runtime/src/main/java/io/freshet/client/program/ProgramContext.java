package io.freshet.client.program;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

import io.freshet.api.dag.Pipeline;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.PipelineOptions;
import io.freshet.core.execution.PipelineExecutorServiceLoader;
import io.freshet.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a program's {@code execute()} uses when the program runs under {@code bin/flink}: the effective
 * configuration (the cluster's file, the command line's options and -D properties, the program's jar as
 * {@code pipeline.jars}), the program's class loader, where to print what the CLI prints, and whether the program is
 * only asked for its plan ({@code bin/flink info}). Installed for the duration of one program's main method.
 */
public final class ProgramContext {

    private static volatile ProgramContext current;

    private final PipelineExecutorServiceLoader executorServiceLoader;
    private final Configuration configuration;
    private final ClassLoader userCodeClassLoader;
    private final PrintStream out;
    private final boolean planMode;
    private volatile Pipeline capturedPipeline;

    ProgramContext(PipelineExecutorServiceLoader executorServiceLoader, Configuration configuration,
            ClassLoader userCodeClassLoader, PrintStream out, boolean planMode) {
        this.executorServiceLoader = executorServiceLoader;
        this.configuration = configuration;
        this.userCodeClassLoader = userCodeClassLoader;
        this.out = out;
        this.planMode = planMode;
    }

    /** The context of the program running now, or null outside {@code bin/flink}. */
    static ProgramContext current() {
        return current;
    }

    /**
     * Runs the program's main method under a context; the configuration gets the program's jar as
     * {@code pipeline.jars}.
     *
     * @return the pipeline the program executed last (in plan mode: the one it built), or null if it ran none
     */
    public static Pipeline executeProgram(PipelineExecutorServiceLoader executorServiceLoader,
            Configuration configuration, PackagedProgram program, PrintStream out, boolean planMode)
            throws ProgramInvocationException {
        Configuration effective = new Configuration(configuration);
        List<String> jars = program.getJobJarAndDependencies().stream().map(Object::toString)
                .collect(Collectors.toList());
        effective.set(PipelineOptions.JARS, jars);
        ProgramContext context = new ProgramContext(executorServiceLoader, effective,
                program.getUserCodeClassLoader(), out, planMode);
        current = context;
        StreamExecutionEnvironment.initializeContextEnvironment(
                programConfiguration -> new StreamContextEnvironment(context, programConfiguration));
        try {
            program.invokeInteractiveModeForExecution();
        } catch (ProgramAbortException e) {
            // plan mode: the program stopped at its execute()
        } finally {
            StreamExecutionEnvironment.resetContextEnvironment();
            current = null;
        }
        return context.capturedPipeline;
    }

    PipelineExecutorServiceLoader getExecutorServiceLoader() {
        return executorServiceLoader;
    }

    Configuration getConfiguration() {
        return configuration;
    }

    ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    PrintStream getOut() {
        return out;
    }

    boolean isPlanMode() {
        return planMode;
    }

    void capture(Pipeline pipeline) {
        this.capturedPipeline = pipeline;
    }
}
