package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/** Options of starting a job from a savepoint or retained checkpoint. */
public final class StateRecoveryOptions {

    private StateRecoveryOptions() {}

    /** The savepoint or retained checkpoint a job starts from. */
    public static final ConfigOption<String> SAVEPOINT_PATH = key("execution.state-recovery.path")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("execution.savepoint.path")
            .withDescription("Path of a savepoint or retained checkpoint (its directory or _metadata file) the job"
                    + " starts from; bin/flink run -s sets it.");

    /** Whether state no operator claims may be dropped. */
    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE =
            key("execution.state-recovery.ignore-unclaimed-state")
                    .booleanType()
                    .defaultValue(false)
                    .withDeprecatedKeys("execution.savepoint.ignore-unclaimed-state")
                    .withDescription("Start from a savepoint even if it holds state of operators the job does not"
                            + " have (that state is dropped); bin/flink run -n sets it.");
}
