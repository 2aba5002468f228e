package io.freshet.runtime.executiongraph.failover;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.RestartStrategyOptions;
import io.freshet.util.clock.Clock;
import io.freshet.util.clock.SystemClock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Restarts after a fixed delay as long as failures are rare: up to {@code maxFailuresPerInterval} failures within
 * any window of {@code failuresIntervalMS} are restarted; one more failure inside such a window fails the job.
 * Time comes from an injected {@link Clock}.
 */
public class FailureRateRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {

    private final Clock clock;
    private final int maxFailuresPerInterval;
    private final long failuresIntervalMS;
    private final long backoffTimeMS;
    /** Times of the latest failures, oldest first; at most maxFailuresPerInterval + 1 of them. */
    private final Deque<Long> failureTimestamps;

    /**
     * @throws IllegalArgumentException if {@code maxFailuresPerInterval} is below 1 or a duration is negative
     */
    FailureRateRestartBackoffTimeStrategy(
            Clock clock, int maxFailuresPerInterval, long failuresIntervalMS, long backoffTimeMS) {
        if (maxFailuresPerInterval < 1 || failuresIntervalMS < 0 || backoffTimeMS < 0) {
            throw new IllegalArgumentException("Need at least one failure per interval and non-negative durations,"
                    + " got " + maxFailuresPerInterval + " failures per " + failuresIntervalMS + " ms, delay "
                    + backoffTimeMS + " ms");
        }
        this.clock = clock;
        this.maxFailuresPerInterval = maxFailuresPerInterval;
        this.failuresIntervalMS = failuresIntervalMS;
        this.backoffTimeMS = backoffTimeMS;
        this.failureTimestamps = new ArrayDeque<>(maxFailuresPerInterval + 1);
    }

    @Override
    public boolean canRestart() {
        if (failureTimestamps.size() <= maxFailuresPerInterval) {
            return true;
        }
        // maxFailuresPerInterval + 1 failures are recorded: too many if all of them fall within one interval.
        return clock.absoluteTimeMillis() - failureTimestamps.peekFirst() > failuresIntervalMS;
    }

    @Override
    public long getBackoffTime() {
        return backoffTimeMS;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        if (failureTimestamps.size() > maxFailuresPerInterval) {
            failureTimestamps.removeFirst();
        }
        failureTimestamps.addLast(clock.absoluteTimeMillis());
        return true;
    }

    @Override
    public String toString() {
        return "FailureRateRestartBackoffTimeStrategy(maxFailuresPerInterval=" + maxFailuresPerInterval
                + ", failuresIntervalMS=" + failuresIntervalMS + ", backoffTimeMS=" + backoffTimeMS + ")";
    }

    /** Returns a factory with the {@code restart-strategy.failure-rate.*} settings of {@code configuration}. */
    public static FailureRateRestartBackoffTimeStrategyFactory createFactory(Configuration configuration) {
        int maxFailures =
                configuration.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL);
        long interval =
                configuration.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL).toMillis();
        long delay = configuration.get(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY).toMillis();
        RestartStrategySettings.requireAtLeast(
                RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL, maxFailures, 1);
        RestartStrategySettings.requireNonNegative(
                RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL, interval);
        RestartStrategySettings.requireNonNegative(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, delay);
        return new FailureRateRestartBackoffTimeStrategyFactory(maxFailures, interval, delay);
    }

    /** Creates failure-rate strategies with one set of settings, on the system clock unless given another. */
    public static final class FailureRateRestartBackoffTimeStrategyFactory implements Factory {

        private final int maxFailuresPerInterval;
        private final long failuresIntervalMS;
        private final long backoffTimeMS;
        private final Clock clock;

        public FailureRateRestartBackoffTimeStrategyFactory(
                int maxFailuresPerInterval, long failuresIntervalMS, long backoffTimeMS) {
            this(maxFailuresPerInterval, failuresIntervalMS, backoffTimeMS, SystemClock.getInstance());
        }

        public FailureRateRestartBackoffTimeStrategyFactory(
                int maxFailuresPerInterval, long failuresIntervalMS, long backoffTimeMS, Clock clock) {
            this.maxFailuresPerInterval = maxFailuresPerInterval;
            this.failuresIntervalMS = failuresIntervalMS;
            this.backoffTimeMS = backoffTimeMS;
            this.clock = clock;
        }

        /** Returns the same factory on {@code otherClock}; for tests. */
        public FailureRateRestartBackoffTimeStrategyFactory withClock(Clock otherClock) {
            return new FailureRateRestartBackoffTimeStrategyFactory(
                    maxFailuresPerInterval, failuresIntervalMS, backoffTimeMS, otherClock);
        }

        @Override
        public RestartBackoffTimeStrategy create() {
            return new FailureRateRestartBackoffTimeStrategy(
                    clock, maxFailuresPerInterval, failuresIntervalMS, backoffTimeMS);
        }

        @Override
        public String toString() {
            return "FailureRateRestartBackoffTimeStrategyFactory(maxFailuresPerInterval=" + maxFailuresPerInterval
                    + ", failuresIntervalMS=" + failuresIntervalMS + ", backoffTimeMS=" + backoffTimeMS + ")";
        }
    }
}
