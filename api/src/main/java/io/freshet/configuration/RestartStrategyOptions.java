package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the restart strategy that decides whether and when failed tasks are restarted. */
public final class RestartStrategyOptions {

    private RestartStrategyOptions() {}

    /** The restart strategy. */
    public static final ConfigOption<String> RESTART_STRATEGY = key("restart-strategy.type")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("restart-strategy")
            .withDescription("Restart strategy for failed jobs: 'none' (or 'off', 'disable'), 'fixed-delay' (or"
                    + " 'fixeddelay'), 'failure-rate' (or 'failurerate') or 'exponential-delay' (or"
                    + " 'exponentialdelay'). If unset: 'exponential-delay' when checkpointing is enabled, 'none'"
                    + " otherwise.");

    // ---- fixed-delay ----

    /** Number of restarts of the fixed-delay strategy. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS =
            key("restart-strategy.fixed-delay.attempts")
                    .intType()
                    .defaultValue(1)
                    .withDescription("How often the 'fixed-delay' strategy restarts a job before failing it.");

    /** Pause between restarts of the fixed-delay strategy. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY =
            key("restart-strategy.fixed-delay.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("Pause of the 'fixed-delay' strategy before each restart.");

    // ---- failure-rate ----

    /** Failures tolerated per interval by the failure-rate strategy. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
            key("restart-strategy.failure-rate.max-failures-per-interval")
                    .intType()
                    .defaultValue(1)
                    .withDescription("How many restarts the 'failure-rate' strategy allows within one"
                            + " 'failure-rate-interval' before failing the job.");

    /** Measuring interval of the failure-rate strategy. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL =
            key("restart-strategy.failure-rate.failure-rate-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("The sliding time window in which the 'failure-rate' strategy counts failures.");

    /** Pause between restarts of the failure-rate strategy. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_DELAY =
            key("restart-strategy.failure-rate.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("Pause of the 'failure-rate' strategy before each restart.");

    // ---- exponential-delay ----

    /** First pause of the exponential-delay strategy. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            key("restart-strategy.exponential-delay.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription("Pause of the 'exponential-delay' strategy before the first restart.");

    /** Longest pause of the exponential-delay strategy. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF =
            key("restart-strategy.exponential-delay.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription("Upper bound of the pause of the 'exponential-delay' strategy.");

    /** Growth factor of the exponential-delay pause. */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            key("restart-strategy.exponential-delay.backoff-multiplier")
                    .doubleType()
                    .defaultValue(1.5)
                    .withDescription("Factor by which the 'exponential-delay' pause grows after each failure.");

    /** Failure-free time after which the exponential-delay pause resets. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
            key("restart-strategy.exponential-delay.reset-backoff-threshold")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription("After running this long without failure, the 'exponential-delay' pause and"
                            + " attempt count start over.");

    /** Random spread of the exponential-delay pause. */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR =
            key("restart-strategy.exponential-delay.jitter-factor")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription("Fraction of the pause by which the 'exponential-delay' strategy varies it at"
                            + " random, so that many jobs do not restart in lockstep.");

    /** Restarts of the exponential-delay strategy before the job fails. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS =
            key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
                    .intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .withDescription("How often the 'exponential-delay' strategy restarts a job before failing it,"
                            + " counted since the last reset of the pause.");
}
