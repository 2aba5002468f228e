package io.freshet.runtime.executiongraph.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.util.clock.ManualClock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestartBackoffTimeStrategyTest {

    private static final Exception FAILURE = new Exception("task failed");

    private final ManualClock clock = new ManualClock();

    private void advanceMillis(long millis) {
        clock.advanceTime(Duration.ofMillis(millis));
    }

    // ---- none ----

    @Test
    void noRestartNeverRestarts() {
        RestartBackoffTimeStrategy strategy = NoRestartBackoffTimeStrategy.INSTANCE;

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy).hasToString("NoRestartBackoffTimeStrategy");
    }

    // ---- fixed delay ----

    @Test
    void fixedDelayRestartsTheConfiguredNumberOfTimesWithTheSameDelay() {
        RestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(3, 500L);

        for (int i = 0; i < 3; i++) {
            assertThat(strategy.notifyFailure(FAILURE)).isTrue();
            assertThat(strategy.canRestart()).as("failure %d", i + 1).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(500L);
        }
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy).hasToString("FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3, backoffTimeMS=500)");
    }

    @Test
    void fixedDelayWithZeroAttemptsFailsAtTheFirstFailure() {
        RestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(0, 500L);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    // ---- failure rate ----

    @Test
    void failureRateRestartsAsLongAsFailuresPerIntervalStayWithinTheLimit() {
        RestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 3, 10_000L, 200L);

        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 3; i++) {
                strategy.notifyFailure(FAILURE);
                assertThat(strategy.canRestart()).as("round %d failure %d", round, i).isTrue();
                assertThat(strategy.getBackoffTime()).isEqualTo(200L);
                advanceMillis(1_000L);
            }
            advanceMillis(10_000L);
        }
    }

    @Test
    void failureRateFailsTheJobAtOneFailureTooManyWithinTheInterval() {
        RestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 2, 10_000L, 0L);

        strategy.notifyFailure(FAILURE);
        advanceMillis(4_000L);
        strategy.notifyFailure(FAILURE);
        advanceMillis(4_000L);
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void failureRateForgetsFailuresOlderThanTheInterval() {
        RestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 2, 10_000L, 0L);

        strategy.notifyFailure(FAILURE);
        advanceMillis(6_000L);
        strategy.notifyFailure(FAILURE);
        advanceMillis(6_000L); // the first failure is now 12 s old
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.toString()).contains("maxFailuresPerInterval=2", "failuresIntervalMS=10000");
    }

    @Test
    void failureRateWithOneFailurePerIntervalRestartsOnceThenNeedsAQuietInterval() {
        RestartBackoffTimeStrategy strategy = new FailureRateRestartBackoffTimeStrategy(clock, 1, 1_000L, 0L);

        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isTrue();
        advanceMillis(1_001L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isTrue();
        advanceMillis(500L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    // ---- exponential delay ----

    private ExponentialDelayRestartBackoffTimeStrategy exponential(
            long initial, long max, double multiplier, long resetThreshold, int attempts) {
        return new ExponentialDelayRestartBackoffTimeStrategy(clock, initial, max, multiplier, resetThreshold, 0.0, attempts);
    }

    /** Fails, checks the pause, then waits it out as the scheduler would. */
    private static void failAndExpectBackoff(RestartBackoffTimeStrategy strategy, ManualClock clock, long expected) {
        assertThat(strategy.notifyFailure(FAILURE)).isTrue();
        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(expected);
        clock.advanceTime(Duration.ofMillis(expected));
    }

    @Test
    void exponentialDelayGrowsThePauseByTheMultiplierUpToTheMaximum() {
        RestartBackoffTimeStrategy strategy = exponential(100L, 1_000L, 2.0, 60_000L, Integer.MAX_VALUE);

        for (long expected : new long[] {100L, 200L, 400L, 800L, 1_000L, 1_000L}) {
            failAndExpectBackoff(strategy, clock, expected);
        }
    }

    @Test
    void exponentialDelayStartsOverAfterRunningLongerThanTheResetThreshold() {
        RestartBackoffTimeStrategy strategy = exponential(100L, 10_000L, 3.0, 5_000L, Integer.MAX_VALUE);
        failAndExpectBackoff(strategy, clock, 100L);
        failAndExpectBackoff(strategy, clock, 300L);
        advanceMillis(4_999L);
        failAndExpectBackoff(strategy, clock, 900L); // just below the threshold: keeps growing

        advanceMillis(5_000L);

        failAndExpectBackoff(strategy, clock, 100L);
    }

    @Test
    void exponentialDelayCountsFailuresDuringAScheduledRestartAsOneAttempt() {
        RestartBackoffTimeStrategy strategy = exponential(1_000L, 60_000L, 2.0, 60_000L, 2);
        assertThat(strategy.notifyFailure(FAILURE)).isTrue();
        advanceMillis(400L);

        boolean counted = strategy.notifyFailure(FAILURE); // another task of the same failover

        assertThat(counted).isFalse();
        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(600L); // the same restart, 600 ms ahead
        advanceMillis(600L);
        failAndExpectBackoff(strategy, clock, 2_000L);
    }

    @Test
    void exponentialDelayFailsTheJobAfterTheAttemptsBeforeReset() {
        RestartBackoffTimeStrategy strategy = exponential(10L, 1_000L, 2.0, 60_000L, 3);
        failAndExpectBackoff(strategy, clock, 10L);
        failAndExpectBackoff(strategy, clock, 20L);
        failAndExpectBackoff(strategy, clock, 40L);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void exponentialDelayAttemptsCountAgainFromZeroAfterAReset() {
        RestartBackoffTimeStrategy strategy = exponential(10L, 1_000L, 2.0, 1_000L, 2);
        failAndExpectBackoff(strategy, clock, 10L);
        failAndExpectBackoff(strategy, clock, 20L);
        advanceMillis(1_000L);

        failAndExpectBackoff(strategy, clock, 10L);
        failAndExpectBackoff(strategy, clock, 20L);
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void exponentialDelayJitterStaysWithinTheFactorOfThePause() {
        ExponentialDelayRestartBackoffTimeStrategy strategy = new ExponentialDelayRestartBackoffTimeStrategy(
                clock, 1_000L, 1_000L, 1.0, 60_000L, 0.25, Integer.MAX_VALUE, new Random(11));
        long smallest = Long.MAX_VALUE;
        long largest = Long.MIN_VALUE;

        for (int i = 0; i < 500; i++) {
            strategy.notifyFailure(FAILURE);
            long backoff = strategy.getBackoffTime();
            smallest = Math.min(smallest, backoff);
            largest = Math.max(largest, backoff);
            advanceMillis(backoff);
        }

        assertThat(smallest).isBetween(750L, 800L);
        assertThat(largest).isBetween(1_200L, 1_250L);
    }

    @Test
    void exponentialDelayBackoffTimeIsTheTimeLeftUntilTheScheduledRestart() {
        RestartBackoffTimeStrategy strategy = exponential(1_000L, 1_000L, 1.0, 60_000L, 5);
        strategy.notifyFailure(FAILURE);

        advanceMillis(700L);
        assertThat(strategy.getBackoffTime()).isEqualTo(300L);
        advanceMillis(700L);
        assertThat(strategy.getBackoffTime()).isZero();
    }

    @Test
    void exponentialDelayRejectsImpossibleSettings() {
        assertThatThrownBy(() -> exponential(0L, 10L, 2.0, 10L, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exponential(10L, 5L, 2.0, 10L, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exponential(10L, 50L, 0.5, 10L, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> exponential(10L, 50L, 2.0, 10L, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exponentialDelayToStringShowsItsSettings() {
        assertThat(exponential(10L, 50L, 2.0, 100L, 7).toString())
                .startsWith("ExponentialDelayRestartBackoffTimeStrategy(")
                .contains("initialBackoffMS=10", "maxBackoffMS=50", "backoffMultiplier=2.0",
                        "resetBackoffThresholdMS=100", "jitterFactor=0.0", "attemptsBeforeResetBackoff=7");
    }
}
