package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/** Options that decide where and how a job is deployed. */
public final class DeploymentOptions {

    private DeploymentOptions() {}

    /** The executor that runs the job. */
    public static final ConfigOption<String> TARGET = key("execution.target")
            .stringType()
            .noDefaultValue()
            .withDescription("Where jobs run: 'local' (a MiniCluster in the client), 'remote' (a running session"
                    + " cluster), 'yarn-per-job', 'yarn-session' or 'yarn-application'.");

    /** Whether the client waits for the job. */
    public static final ConfigOption<Boolean> ATTACHED = key("execution.attached")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether the client stays attached and waits for the job's result (true) or returns"
                    + " once the job is submitted (false).");

    /** Whether an attached client stops the cluster when it exits. */
    public static final ConfigOption<Boolean> SHUTDOWN_IF_ATTACHED = key("execution.shutdown-on-attached-exit")
            .booleanType()
            .defaultValue(false)
            .withDescription("Whether an attached client that is interrupted (e.g. by Ctrl-C) cancels the job and"
                    + " shuts the cluster down.");

    /** Whether an application cluster stops when its application finishes. */
    public static final ConfigOption<Boolean> SHUTDOWN_ON_APPLICATION_FINISH =
            key("execution.shutdown-on-application-finish")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Whether an application cluster shuts down once all jobs of its application"
                            + " have reached a terminal state.");
}
