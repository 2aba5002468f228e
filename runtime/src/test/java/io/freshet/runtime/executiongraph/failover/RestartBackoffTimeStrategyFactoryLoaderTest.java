package io.freshet.runtime.executiongraph.failover;

import static io.freshet.runtime.executiongraph.failover.RestartBackoffTimeStrategyFactoryLoader.createRestartBackoffTimeStrategyFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.RestartStrategyOptions;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RestartBackoffTimeStrategyFactoryLoaderTest {

    private static Configuration withType(String type) {
        Configuration configuration = new Configuration();
        configuration.set(RestartStrategyOptions.RESTART_STRATEGY, type);
        return configuration;
    }

    @ParameterizedTest
    @CsvSource({
        "none, NoRestartBackoffTimeStrategy",
        "off, NoRestartBackoffTimeStrategy",
        "disable, NoRestartBackoffTimeStrategy",
        "fixed-delay, FixedDelayRestartBackoffTimeStrategy",
        "fixeddelay, FixedDelayRestartBackoffTimeStrategy",
        "failure-rate, FailureRateRestartBackoffTimeStrategy",
        "failurerate, FailureRateRestartBackoffTimeStrategy",
        "exponential-delay, ExponentialDelayRestartBackoffTimeStrategy",
        "exponentialdelay, ExponentialDelayRestartBackoffTimeStrategy",
        "Fixed-Delay, FixedDelayRestartBackoffTimeStrategy"
    })
    void everyAcceptedNameSelectsItsStrategy(String type, String expectedStrategy) {
        RestartBackoffTimeStrategy strategy =
                createRestartBackoffTimeStrategyFactory(withType(type), new Configuration(), false).create();

        assertThat(strategy.toString()).startsWith(expectedStrategy);
    }

    @Test
    void withoutAConfiguredStrategyAJobWithoutCheckpointingIsNotRestarted() {
        RestartBackoffTimeStrategy strategy =
                createRestartBackoffTimeStrategyFactory(new Configuration(), new Configuration(), false).create();

        assertThat(strategy).isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
    }

    @Test
    void withoutAConfiguredStrategyACheckpointingJobUsesExponentialDelayWithDefaults() {
        RestartBackoffTimeStrategy strategy =
                createRestartBackoffTimeStrategyFactory(new Configuration(), new Configuration(), true).create();

        assertThat(strategy.toString()).startsWith("ExponentialDelayRestartBackoffTimeStrategy(").contains(
                "initialBackoffMS=1000", "maxBackoffMS=60000", "backoffMultiplier=1.5",
                "resetBackoffThresholdMS=3600000", "jitterFactor=0.1",
                "attemptsBeforeResetBackoff=" + Integer.MAX_VALUE);
    }

    @Test
    void theJobConfigurationWinsOverTheClusterConfiguration() {
        Configuration job = withType("fixed-delay");
        job.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        job.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(250));
        Configuration cluster = withType("failure-rate");

        RestartBackoffTimeStrategy strategy = createRestartBackoffTimeStrategyFactory(job, cluster, true).create();

        assertThat(strategy).hasToString(
                "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=5, backoffTimeMS=250)");
    }

    @Test
    void theClusterConfigurationAppliesWhenTheJobSetsNoStrategy() {
        Configuration cluster = withType("failure-rate");
        cluster.set(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL, 4);

        RestartBackoffTimeStrategy strategy =
                createRestartBackoffTimeStrategyFactory(new Configuration(), cluster, false).create();

        assertThat(strategy.toString()).contains("FailureRate", "maxFailuresPerInterval=4");
    }

    @Test
    void theDeprecatedKeyIsStillRead() {
        Configuration cluster = new Configuration();
        cluster.setString("restart-strategy", "fixed-delay");

        RestartBackoffTimeStrategy strategy =
                createRestartBackoffTimeStrategyFactory(new Configuration(), cluster, false).create();

        assertThat(strategy.toString()).startsWith("FixedDelay");
    }

    @Test
    void anUnknownStrategyIsRejectedNamingKeyValueAndAcceptedValues() {
        assertThatThrownBy(() -> createRestartBackoffTimeStrategyFactory(withType("sometimes"), new Configuration(), false))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'sometimes'")
                .hasMessageContaining("'restart-strategy.type'")
                .hasMessageContaining("job configuration")
                .hasMessageContaining("'none'")
                .hasMessageContaining("'fixed-delay'")
                .hasMessageContaining("'failure-rate'")
                .hasMessageContaining("'exponential-delay'");
    }

    @Test
    void anOutOfRangeSettingIsRejectedNamingItsKey() {
        Configuration job = withType("exponential-delay");
        job.set(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR, 1.5);

        assertThatThrownBy(() -> createRestartBackoffTimeStrategyFactory(job, new Configuration(), false))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("restart-strategy.exponential-delay.jitter-factor")
                .hasMessageContaining("1.5");

        Configuration fixed = withType("fixed-delay");
        fixed.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, -1);
        assertThatThrownBy(() -> createRestartBackoffTimeStrategyFactory(fixed, new Configuration(), false))
                .hasMessageContaining("restart-strategy.fixed-delay.attempts");
    }

    @Test
    void eachCreatedStrategyHasItsOwnState() {
        RestartBackoffTimeStrategy.Factory factory = createRestartBackoffTimeStrategyFactory(
                withType("fixed-delay"), new Configuration(), false); // 1 attempt by default
        RestartBackoffTimeStrategy first = factory.create();
        first.notifyFailure(new Exception());
        first.notifyFailure(new Exception());

        RestartBackoffTimeStrategy second = factory.create();
        second.notifyFailure(new Exception());

        assertThat(first.canRestart()).isFalse();
        assertThat(second.canRestart()).isTrue();
    }
}
