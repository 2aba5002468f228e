package io.freshet.runtime.executiongraph.failover;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestartStrategyOptions;

/**
 * Restarts up to {@code maxNumberRestartAttempts} times, each after the same delay; the failure after the last
 * allowed restart fails the job. Every failure counts as an attempt.
 */
public class FixedDelayRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final int maxNumberRestartAttempts;
    private final long backoffTimeMS;
    private int currentRestartAttempt;

    /**
     * @throws IllegalArgumentException if an argument is negative
     */
    FixedDelayRestartBackoffTimeStrategy(int maxNumberRestartAttempts, long backoffTimeMS) {
        if (maxNumberRestartAttempts < 0 || backoffTimeMS < 0) {
            throw new IllegalArgumentException("Restart attempts and delay must not be negative, got "
                    + maxNumberRestartAttempts + " attempts and " + backoffTimeMS + " ms");
        }
        this.maxNumberRestartAttempts = maxNumberRestartAttempts;
        this.backoffTimeMS = backoffTimeMS;
    }

    @Override
    public boolean canRestart() {
        return currentRestartAttempt <= maxNumberRestartAttempts;
    }

    @Override
    public long getBackoffTime() {
        return backoffTimeMS;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        currentRestartAttempt++;
        return true;
    }

    @Override
    public String toString() {
        return "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=" + maxNumberRestartAttempts
                + ", backoffTimeMS=" + backoffTimeMS + ")";
    }

    /** Returns a factory with the {@code restart-strategy.fixed-delay.*} settings of {@code configuration}. */
    public static FixedDelayRestartBackoffTimeStrategyFactory createFactory(Configuration configuration) {
        int attempts = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS);
        long delay = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY).toMillis();
        RestartStrategySettings.requireAtLeast(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, attempts, 0);
        RestartStrategySettings.requireNonNegative(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, delay);
        return new FixedDelayRestartBackoffTimeStrategyFactory(attempts, delay);
    }

    /** Creates fixed-delay strategies with one set of settings. */
    public static final class FixedDelayRestartBackoffTimeStrategyFactory implements Factory {

        private final int maxNumberRestartAttempts;
        private final long backoffTimeMS;

        public FixedDelayRestartBackoffTimeStrategyFactory(int maxNumberRestartAttempts, long backoffTimeMS) {
            this.maxNumberRestartAttempts = maxNumberRestartAttempts;
            this.backoffTimeMS = backoffTimeMS;
        }

        @Override
        public RestartBackoffTimeStrategy create() {
            return new FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts, backoffTimeMS);
        }

        @Override
        public String toString() {
            return "FixedDelayRestartBackoffTimeStrategyFactory(maxNumberRestartAttempts=" + maxNumberRestartAttempts
                    + ", backoffTimeMS=" + backoffTimeMS + ")";
        }
    }
}
