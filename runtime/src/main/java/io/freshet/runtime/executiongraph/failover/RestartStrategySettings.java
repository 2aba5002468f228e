package io.freshet.runtime.executiongraph.failover;

import io.freshet.configuration.ConfigOption;
import io.freshet.configuration.IllegalConfigurationException;

/** Range checks of restart strategy options, with errors that name the key and the value. */
final class RestartStrategySettings {

    private RestartStrategySettings() {}

    static void requireAtLeast(ConfigOption<?> option, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalConfigurationException("Invalid value " + value + " for option '" + option.key()
                    + "': it must be at least " + minimum + ".");
        }
    }

    static void requireNonNegative(ConfigOption<?> option, long millis) {
        if (millis < 0) {
            throw new IllegalConfigurationException("Invalid value " + millis + " ms for option '" + option.key()
                    + "': a duration must not be negative.");
        }
    }
}
