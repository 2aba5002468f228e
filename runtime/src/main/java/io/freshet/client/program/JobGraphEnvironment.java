package io.freshet.client.program;

import io.freshet.api.common.JobExecutionResult;
import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.CoreOptions;
import io.freshet.configuration.DeploymentOptions;
import io.freshet.core.execution.DefaultExecutorServiceLoader;
import io.freshet.core.execution.JobClient;
import io.freshet.core.execution.PipelineExecutorServiceLoader;
import io.freshet.runtime.jobgraph.JobGraph;

/**
 * Runs JobGraphs built by hand, for programs that use the runtime directly (until the DataStream and DataSet APIs,
 * whose environments follow the same rules, are available). Under {@code bin/flink run} it submits where the command
 * line says ({@code -t}, {@code -m}, {@code -d}, {@code -D}); outside it, on an embedded MiniCluster ({@code local}).
 *
 * <p>Attached, {@link #execute} waits for the job and fails with its failure; detached ({@code -d}) it returns once
 * the job is submitted. Either way the CLI's lines are printed: {@code Job has been submitted with JobID <id>}.
 */
public final class JobGraphEnvironment {

    private final ProgramContext context;
    private final Configuration configuration;
    private final PipelineExecutorServiceLoader executorServiceLoader;
    private final ClassLoader userCodeClassLoader;

    private JobGraphEnvironment(ProgramContext context, Configuration configuration,
            PipelineExecutorServiceLoader executorServiceLoader, ClassLoader userCodeClassLoader) {
        this.context = context;
        this.configuration = configuration;
        this.executorServiceLoader = executorServiceLoader;
        this.userCodeClassLoader = userCodeClassLoader;
    }

    /** The environment of {@code bin/flink} when the program runs under it, else a local one. */
    public static JobGraphEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    /**
     * As {@link #getExecutionEnvironment()}, with the program's own configuration on top (a restart strategy, for
     * example); it takes effect under {@code bin/flink run} as it does locally.
     */
    public static JobGraphEnvironment getExecutionEnvironment(Configuration programConfiguration) {
        ProgramContext context = ProgramContext.current();
        Configuration configuration;
        PipelineExecutorServiceLoader loader;
        ClassLoader classLoader;
        if (context != null) {
            configuration = new Configuration(context.getConfiguration());
            loader = context.getExecutorServiceLoader();
            classLoader = context.getUserCodeClassLoader();
        } else {
            configuration = new Configuration();
            configuration.set(DeploymentOptions.TARGET, "local");
            configuration.set(DeploymentOptions.ATTACHED, true);
            loader = new DefaultExecutorServiceLoader();
            classLoader = Thread.currentThread().getContextClassLoader();
        }
        configuration.addAll(programConfiguration);
        return new JobGraphEnvironment(context, configuration, loader, classLoader);
    }

    /** {@code parallelism.default} ({@code bin/flink run -p}). */
    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /**
     * Submits the job; attached, waits for its end. The program's configuration is laid under the job's own
     * (the job's settings win).
     *
     * @throws Exception the job's failure ({@code JobExecutionException}) when attached, or a submission error
     */
    public JobExecutionResult execute(JobGraph jobGraph) throws Exception {
        JobClient client = executeAsync(jobGraph);
        if (!configuration.get(DeploymentOptions.ATTACHED)) {
            return new DetachedJobExecutionResult(client.getJobID());
        }
        JobExecutionResult result;
        try {
            result = client.getJobExecutionResult().get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        if (context != null) {
            context.getOut().print(result);
        }
        return result;
    }

    /** Submits the job and returns at once. */
    public JobClient executeAsync(JobGraph jobGraph) throws Exception {
        Configuration jobConfiguration = new Configuration(configuration);
        jobConfiguration.addAll(jobGraph.getJobConfiguration());
        jobGraph.getJobConfiguration().addAll(jobConfiguration);
        if (context != null && context.isPlanMode()) {
            context.capture(jobGraph);
            throw new ProgramAbortException();
        }
        JobClient client = executorServiceLoader.getExecutorFactory(configuration).getExecutor(configuration)
                .execute(jobGraph, configuration, userCodeClassLoader).get();
        if (context != null) {
            context.getOut().println("Job has been submitted with JobID " + client.getJobID());
        }
        return client;
    }

    /** The result of a detached submission: only the job id is known. */
    public static final class DetachedJobExecutionResult extends JobExecutionResult {
        DetachedJobExecutionResult(JobID jobId) {
            super(jobId, -1, null);
        }

        @Override
        public long getNetRuntime() {
            throw new IllegalStateException("Job " + getJobID() + " was submitted in detached mode. Results of job"
                    + " execution, such as accumulators, runtime, etc. are not available.");
        }

        @Override
        public String toString() {
            return "DetachedJobExecutionResult(" + getJobID() + ")";
        }
    }
}
