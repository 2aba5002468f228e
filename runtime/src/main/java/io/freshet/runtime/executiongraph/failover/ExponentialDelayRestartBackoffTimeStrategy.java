package io.freshet.runtime.executiongraph.failover;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.util.clock.Clock;
import io.freshet.util.clock.SystemClock;
import java.util.Random;

/**
 * Restarts with a pause that grows after each failure and starts over once the job has run long enough without
 * failing (the semantics of Flink 1.20's {@code exponential-delay}).
 *
 * <ul>
 *   <li>The first failure (and the first after a reset) schedules a restart after {@code initialBackoff}; each
 *       following failure multiplies the pause by {@code backoffMultiplier}, up to {@code maxBackoff}.
 *   <li>Each pause is spread at random by up to {@code ±jitterFactor} of itself, so that many jobs failing
 *       together do not restart in lockstep.
 *   <li>Failures reported while a restart is already scheduled (before its time has come) join that restart: they
 *       neither count as an attempt nor lengthen the pause ({@link #notifyFailure} returns false). A failure of
 *       many tasks at once is one attempt.
 *   <li>When a failure comes {@code resetBackoffThreshold} or later after the last scheduled restart, the job
 *       ran that long without failing: the pause goes back to {@code initialBackoff} and the attempt count to 0.
 *   <li>{@link #canRestart()} is false once more than {@code attemptsBeforeResetBackoff} attempts were counted
 *       since the last reset.
 *   <li>{@link #getBackoffTime()} is the time left until the scheduled restart, never negative.
 * </ul>
 */
public class ExponentialDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private static final long NO_RESTART_SCHEDULED = Long.MIN_VALUE;

    private final long initialBackoffMS;
    private final long maxBackoffMS;
    private final double backoffMultiplier;
    private final long resetBackoffThresholdMS;
    private final double jitterFactor;
    private final int attemptsBeforeResetBackoff;
    private final Clock clock;
    private final Random random;

    private int currentRestartAttempt;
    /** The pause before jitter of the latest counted attempt. */
    private long currentBackoffMS;
    private long nextRestartTimestamp = NO_RESTART_SCHEDULED;

    ExponentialDelayRestartBackoffTimeStrategy(
            Clock clock,
            long initialBackoffMS,
            long maxBackoffMS,
            double backoffMultiplier,
            long resetBackoffThresholdMS,
            double jitterFactor,
            int attemptsBeforeResetBackoff) {
        this(clock, initialBackoffMS, maxBackoffMS, backoffMultiplier, resetBackoffThresholdMS, jitterFactor,
                attemptsBeforeResetBackoff, new Random());
    }

    /**
     * @throws IllegalArgumentException if {@code initialBackoffMS < 1}, {@code maxBackoffMS < initialBackoffMS},
     *     {@code backoffMultiplier < 1}, {@code resetBackoffThresholdMS < 1}, {@code jitterFactor} is outside
     *     {@code [0, 1]} or {@code attemptsBeforeResetBackoff < 1}
     */
    ExponentialDelayRestartBackoffTimeStrategy(
            Clock clock,
            long initialBackoffMS,
            long maxBackoffMS,
            double backoffMultiplier,
            long resetBackoffThresholdMS,
            double jitterFactor,
            int attemptsBeforeResetBackoff,
            Random random) {
        if (initialBackoffMS < 1
                || maxBackoffMS < initialBackoffMS
                || !(backoffMultiplier >= 1.0)
                || resetBackoffThresholdMS < 1
                || !(jitterFactor >= 0.0 && jitterFactor <= 1.0)
                || attemptsBeforeResetBackoff < 1) {
            throw new IllegalArgumentException("Invalid exponential-delay settings: " + describe(initialBackoffMS,
                    maxBackoffMS, backoffMultiplier, resetBackoffThresholdMS, jitterFactor,
                    attemptsBeforeResetBackoff));
        }
        this.clock = clock;
        this.initialBackoffMS = initialBackoffMS;
        this.maxBackoffMS = maxBackoffMS;
        this.backoffMultiplier = backoffMultiplier;
        this.resetBackoffThresholdMS = resetBackoffThresholdMS;
        this.jitterFactor = jitterFactor;
        this.attemptsBeforeResetBackoff = attemptsBeforeResetBackoff;
        this.random = random;
    }

    @Override
    public boolean canRestart() {
        return currentRestartAttempt <= attemptsBeforeResetBackoff;
    }

    @Override
    public long getBackoffTime() {
        if (nextRestartTimestamp == NO_RESTART_SCHEDULED) {
            return 0L;
        }
        return Math.max(0L, nextRestartTimestamp - clock.absoluteTimeMillis());
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        long now = clock.absoluteTimeMillis();
        if (nextRestartTimestamp != NO_RESTART_SCHEDULED && now < nextRestartTimestamp) {
            return false; // joins the restart already scheduled
        }
        if (nextRestartTimestamp == NO_RESTART_SCHEDULED || now - nextRestartTimestamp >= resetBackoffThresholdMS) {
            currentRestartAttempt = 0;
            currentBackoffMS = initialBackoffMS;
        } else {
            currentBackoffMS = (long) Math.min((double) maxBackoffMS, currentBackoffMS * backoffMultiplier);
        }
        currentRestartAttempt++;
        nextRestartTimestamp = now + withJitter(currentBackoffMS);
        return true;
    }

    private long withJitter(long backoffMS) {
        if (jitterFactor == 0.0) {
            return backoffMS;
        }
        double spread = (2.0 * random.nextDouble() - 1.0) * jitterFactor * backoffMS;
        return Math.max(0L, backoffMS + Math.round(spread));
    }

    @Override
    public String toString() {
        return "ExponentialDelayRestartBackoffTimeStrategy(" + describe(initialBackoffMS, maxBackoffMS,
                backoffMultiplier, resetBackoffThresholdMS, jitterFactor, attemptsBeforeResetBackoff)
                + ", currentRestartAttempt=" + currentRestartAttempt + ", currentBackoffMS=" + currentBackoffMS + ")";
    }

    private static String describe(long initialBackoffMS, long maxBackoffMS, double backoffMultiplier,
            long resetBackoffThresholdMS, double jitterFactor, int attemptsBeforeResetBackoff) {
        return "initialBackoffMS=" + initialBackoffMS + ", maxBackoffMS=" + maxBackoffMS + ", backoffMultiplier="
                + backoffMultiplier + ", resetBackoffThresholdMS=" + resetBackoffThresholdMS + ", jitterFactor="
                + jitterFactor + ", attemptsBeforeResetBackoff=" + attemptsBeforeResetBackoff;
    }

    /** Returns a factory with the {@code restart-strategy.exponential-delay.*} settings of {@code configuration}. */
    public static ExponentialDelayRestartBackoffTimeStrategyFactory createFactory(Configuration configuration) {
        long initial =
                configuration.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF).toMillis();
        long max = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF).toMillis();
        double multiplier =
                configuration.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER);
        long resetThreshold = configuration
                .get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD)
                .toMillis();
        double jitter = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR);
        int attempts = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS);

        RestartStrategySettings.requireAtLeast(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF, initial, 1);
        if (max < initial) {
            throw new IllegalConfigurationException("Option '"
                    + RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF.key() + "' (" + max
                    + " ms) must not be smaller than '"
                    + RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF.key() + "' ("
                    + initial + " ms).");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalConfigurationException("Invalid value " + multiplier + " for option '"
                    + RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER.key()
                    + "': it must be at least 1.0.");
        }
        RestartStrategySettings.requireAtLeast(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD, resetThreshold, 1);
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalConfigurationException("Invalid value " + jitter + " for option '"
                    + RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR.key()
                    + "': it must be between 0.0 and 1.0.");
        }
        RestartStrategySettings.requireAtLeast(
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS, attempts, 1);
        return new ExponentialDelayRestartBackoffTimeStrategyFactory(
                SystemClock.getInstance(), initial, max, multiplier, resetThreshold, jitter, attempts);
    }

    /** Creates exponential-delay strategies with one set of settings. */
    public static final class ExponentialDelayRestartBackoffTimeStrategyFactory implements Factory {

        private final Clock clock;
        private final long initialBackoffMS;
        private final long maxBackoffMS;
        private final double backoffMultiplier;
        private final long resetBackoffThresholdMS;
        private final double jitterFactor;
        private final int attemptsBeforeResetBackoff;

        public ExponentialDelayRestartBackoffTimeStrategyFactory(
                Clock clock,
                long initialBackoffMS,
                long maxBackoffMS,
                double backoffMultiplier,
                long resetBackoffThresholdMS,
                double jitterFactor,
                int attemptsBeforeResetBackoff) {
            this.clock = clock;
            this.initialBackoffMS = initialBackoffMS;
            this.maxBackoffMS = maxBackoffMS;
            this.backoffMultiplier = backoffMultiplier;
            this.resetBackoffThresholdMS = resetBackoffThresholdMS;
            this.jitterFactor = jitterFactor;
            this.attemptsBeforeResetBackoff = attemptsBeforeResetBackoff;
        }

        /** Returns the same factory on {@code otherClock}; for tests. */
        public ExponentialDelayRestartBackoffTimeStrategyFactory withClock(Clock otherClock) {
            return new ExponentialDelayRestartBackoffTimeStrategyFactory(otherClock, initialBackoffMS, maxBackoffMS,
                    backoffMultiplier, resetBackoffThresholdMS, jitterFactor, attemptsBeforeResetBackoff);
        }

        @Override
        public RestartBackoffTimeStrategy create() {
            return new ExponentialDelayRestartBackoffTimeStrategy(clock, initialBackoffMS, maxBackoffMS,
                    backoffMultiplier, resetBackoffThresholdMS, jitterFactor, attemptsBeforeResetBackoff);
        }

        @Override
        public String toString() {
            return "ExponentialDelayRestartBackoffTimeStrategyFactory(" + describe(initialBackoffMS, maxBackoffMS,
                    backoffMultiplier, resetBackoffThresholdMS, jitterFactor, attemptsBeforeResetBackoff) + ")";
        }
    }
}
