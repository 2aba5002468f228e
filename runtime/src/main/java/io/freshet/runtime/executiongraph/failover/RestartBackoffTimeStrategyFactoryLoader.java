package io.freshet.runtime.executiongraph.failover;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.RestartStrategyOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the restart strategy of a job from {@code restart-strategy.type}.
 *
 * <p>The job configuration wins: if it sets {@code restart-strategy.type}, the strategy and all its settings come
 * from the job configuration; otherwise, if the cluster configuration sets it, from the cluster configuration.
 * If neither does, Flink 1.20's default applies: {@code exponential-delay} with default settings when
 * checkpointing is enabled, {@code none} otherwise.
 */
public final class RestartBackoffTimeStrategyFactoryLoader {

    static final String ACCEPTED_VALUES =
            "'none' (or 'off', 'disable'), 'fixed-delay' (or 'fixeddelay'), 'failure-rate' (or 'failurerate'),"
                    + " 'exponential-delay' (or 'exponentialdelay')";

    private RestartBackoffTimeStrategyFactoryLoader() {}

    /**
     * Returns the factory of the job's restart strategy.
     *
     * @throws IllegalConfigurationException if {@code restart-strategy.type} has an unknown value or a setting of
     *     the chosen strategy is out of range; the message names the key, the value and the accepted values
     */
    public static RestartBackoffTimeStrategy.Factory createRestartBackoffTimeStrategyFactory(
            Configuration jobConfiguration, Configuration clusterConfiguration, boolean checkpointingEnabled) {
        return fromConfiguration(jobConfiguration, "job")
                .or(() -> fromConfiguration(clusterConfiguration, "cluster"))
                .orElseGet(() -> defaultFactory(checkpointingEnabled));
    }

    private static Optional<RestartBackoffTimeStrategy.Factory> fromConfiguration(
            Configuration configuration, String whose) {
        Optional<String> type = configuration.getOptional(RestartStrategyOptions.RESTART_STRATEGY);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        switch (type.get().trim().toLowerCase(Locale.ROOT)) {
            case "none":
            case "off":
            case "disable":
                return Optional.of(NoRestartBackoffTimeStrategy.NoRestartBackoffTimeStrategyFactory.INSTANCE);
            case "fixed-delay":
            case "fixeddelay":
                return Optional.of(FixedDelayRestartBackoffTimeStrategy.createFactory(configuration));
            case "failure-rate":
            case "failurerate":
                return Optional.of(FailureRateRestartBackoffTimeStrategy.createFactory(configuration));
            case "exponential-delay":
            case "exponentialdelay":
                return Optional.of(ExponentialDelayRestartBackoffTimeStrategy.createFactory(configuration));
            default:
                throw new IllegalConfigurationException("Unknown restart strategy '" + type.get() + "' for option '"
                        + RestartStrategyOptions.RESTART_STRATEGY.key() + "' in the " + whose
                        + " configuration. Accepted values: " + ACCEPTED_VALUES + ".");
        }
    }

    private static RestartBackoffTimeStrategy.Factory defaultFactory(boolean checkpointingEnabled) {
        if (!checkpointingEnabled) {
            return NoRestartBackoffTimeStrategy.NoRestartBackoffTimeStrategyFactory.INSTANCE;
        }
        return ExponentialDelayRestartBackoffTimeStrategy.createFactory(new Configuration());
    }
}
