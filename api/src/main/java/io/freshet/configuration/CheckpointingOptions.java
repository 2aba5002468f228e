package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of checkpoints and savepoints: when they are taken, where they are stored, how many are kept. */
public final class CheckpointingOptions {

    private CheckpointingOptions() {}

    /**
     * The state backend.
     *
     * @deprecated use {@link StateBackendOptions#STATE_BACKEND}, the same option
     */
    @Deprecated
    public static final ConfigOption<String> STATE_BACKEND = StateBackendOptions.STATE_BACKEND;

    // ---- storage ----

    /** The checkpoint storage. */
    public static final ConfigOption<String> CHECKPOINT_STORAGE = key("execution.checkpointing.storage")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("state.checkpoint-storage")
            .withDescription("Where checkpoints are stored: 'jobmanager' (in JobManager memory, for tests),"
                    + " 'filesystem' (under 'execution.checkpointing.dir'), or the name of a storage factory class."
                    + " If unset, 'filesystem' when a checkpoint directory is set, 'jobmanager' otherwise.");

    /** Directory of checkpoints. */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY = key("execution.checkpointing.dir")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("state.checkpoints.dir", "state.backend.fs.checkpointdir")
            .withDescription("Directory (a URI such as 'hdfs:///freshet/checkpoints') under which checkpoint data and"
                    + " metadata are written. It must be reachable from the JobManager and every TaskManager.");

    /** Default directory of savepoints. */
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY = key("execution.checkpointing.savepoint-dir")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("state.savepoints.dir", "savepoints.state.backend.fs.dir")
            .withDescription("Default directory for savepoints when the savepoint command names none.");

    /** Number of completed checkpoints kept. */
    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS = key("execution.checkpointing.num-retained")
            .intType()
            .defaultValue(1)
            .withDeprecatedKeys("state.checkpoints.num-retained")
            .withDescription("How many completed checkpoints are kept; older ones are deleted.");

    /** Whether checkpoints are incremental. */
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS = key("execution.checkpointing.incremental")
            .booleanType()
            .defaultValue(false)
            .withDeprecatedKeys("state.backend.incremental")
            .withDescription("Whether a checkpoint writes only the state changed since the previous one, if the"
                    + " state backend supports it.");

    // ---- triggering ----

    /** Interval between checkpoints. */
    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL = key("execution.checkpointing.interval")
            .durationType()
            .noDefaultValue()
            .withDescription("Time between the starts of two checkpoints. If unset, checkpointing is off.");

    /** Exactly-once or at-least-once. */
    public static final ConfigOption<io.freshet.core.execution.CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE =
            key("execution.checkpointing.mode")
                    .enumType(io.freshet.core.execution.CheckpointingMode.class)
                    .defaultValue(io.freshet.core.execution.CheckpointingMode.EXACTLY_ONCE)
                    .withDescription("EXACTLY_ONCE aligns the barriers of all inputs before a snapshot; AT_LEAST_ONCE"
                            + " does not block inputs, and a restore may then process some records twice.");

    /** What happens to retained checkpoints when the job is cancelled. */
    public static final ConfigOption<String> EXTERNALIZED_CHECKPOINT_RETENTION =
            key("execution.checkpointing.externalized-checkpoint-retention")
                    .stringType()
                    .defaultValue("NO_EXTERNALIZED_CHECKPOINTS")
                    .withDescription("DELETE_ON_CANCELLATION: retained checkpoints are deleted when the job is"
                            + " cancelled; RETAIN_ON_CANCELLATION: they are kept, to start the job again from them;"
                            + " NO_EXTERNALIZED_CHECKPOINTS: checkpoints are deleted when the job ends.");

    /** Time after which a checkpoint is aborted. */
    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT = key("execution.checkpointing.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(10))
            .withDescription("A checkpoint that has not completed after this time is aborted.");

    /** Checkpoints in progress at the same time. */
    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
            key("execution.checkpointing.max-concurrent-checkpoints")
                    .intType()
                    .defaultValue(1)
                    .withDescription("How many checkpoints may be in progress at the same time.");

    /** Pause between the end of a checkpoint and the start of the next. */
    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS = key("execution.checkpointing.min-pause")
            .durationType()
            .defaultValue(Duration.ZERO)
            .withDescription("Least time between the end of one checkpoint and the start of the next, so that the"
                    + " job makes progress even when checkpoints are slow.");

    /** Consecutive failed checkpoints tolerated. */
    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
            key("execution.checkpointing.tolerable-failed-checkpoints")
                    .intType()
                    .defaultValue(0)
                    .withDescription("How many consecutive checkpoint failures are tolerated before the job fails"
                            + " over.");

    // ---- alignment ----

    /** Whether checkpoints are unaligned. */
    public static final ConfigOption<Boolean> ENABLE_UNALIGNED = key("execution.checkpointing.unaligned.enabled")
            .booleanType()
            .defaultValue(false)
            .withDeprecatedKeys("execution.checkpointing.unaligned")
            .withDescription("Whether barriers overtake buffered records, which are then stored with the"
                    + " checkpoint. Shortens checkpoints under backpressure at the cost of larger checkpoints."
                    + " Requires exactly-once mode and at most one concurrent checkpoint.");

    /** Time after which an aligned checkpoint turns unaligned. */
    public static final ConfigOption<Duration> ALIGNED_CHECKPOINT_TIMEOUT =
            key("execution.checkpointing.aligned-checkpoint-timeout")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDeprecatedKeys("execution.checkpointing.alignment-timeout")
                    .withDescription("With unaligned checkpoints enabled, a checkpoint starts aligned and switches"
                            + " to unaligned once its alignment has taken this long. 0 means unaligned from the"
                            + " start.");
}
