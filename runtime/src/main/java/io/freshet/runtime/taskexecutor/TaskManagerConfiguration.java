package io.freshet.runtime.taskexecutor;

import java.io.File;
import java.time.Duration;
import java.util.Objects;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.HeartbeatManagerOptions;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.RpcOptions;
import io.freshet.configuration.TaskManagerOptions;

/**
 * The settings a {@link TaskExecutor} runs with, read once from the configuration and checked there, so that a
 * wrong value fails at start with the option's name.
 */
public final class TaskManagerConfiguration {

    /** First delay between registration attempts; doubles per failed attempt (Flink's default). */
    public static final Duration DEFAULT_INITIAL_REGISTRATION_BACKOFF = Duration.ofMillis(100);
    /** Largest delay between registration attempts (Flink's default). */
    public static final Duration DEFAULT_MAX_REGISTRATION_BACKOFF = Duration.ofSeconds(30);

    private final Configuration configuration;
    private final int numberOfSlots;
    private final Duration slotTimeout;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Duration rpcTimeout;
    private final Duration cancellationInterval;
    private final Duration cancellationTimeout;
    private final Duration initialRegistrationBackoff;
    private final Duration maxRegistrationBackoff;
    private final File[] tmpDirectories;

    public TaskManagerConfiguration(Configuration configuration, int numberOfSlots, Duration slotTimeout,
            Duration heartbeatInterval, Duration heartbeatTimeout, Duration rpcTimeout, Duration cancellationInterval,
            Duration cancellationTimeout, Duration initialRegistrationBackoff, Duration maxRegistrationBackoff,
            File[] tmpDirectories) {
        this.configuration = new Configuration(Objects.requireNonNull(configuration, "configuration"));
        check(numberOfSlots >= 1, TaskManagerOptions.NUM_TASK_SLOTS.key(), "at least 1", numberOfSlots);
        checkPositive(slotTimeout, TaskManagerOptions.SLOT_TIMEOUT.key());
        checkPositive(heartbeatInterval, HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key());
        checkPositive(heartbeatTimeout, HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key());
        check(heartbeatTimeout.compareTo(heartbeatInterval) > 0, HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key(),
                "larger than '" + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key() + "' (" + heartbeatInterval + ")",
                heartbeatTimeout);
        checkPositive(rpcTimeout, RpcOptions.ASK_TIMEOUT.key());
        checkPositive(cancellationInterval, TaskManagerOptions.TASK_CANCELLATION_INTERVAL.key());
        check(!cancellationTimeout.isNegative(), TaskManagerOptions.TASK_CANCELLATION_TIMEOUT.key(),
                "zero (wait forever) or positive", cancellationTimeout);
        this.numberOfSlots = numberOfSlots;
        this.slotTimeout = slotTimeout;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.rpcTimeout = rpcTimeout;
        this.cancellationInterval = cancellationInterval;
        this.cancellationTimeout = cancellationTimeout;
        this.initialRegistrationBackoff = Objects.requireNonNull(initialRegistrationBackoff);
        this.maxRegistrationBackoff = Objects.requireNonNull(maxRegistrationBackoff);
        if (tmpDirectories.length == 0) {
            throw new IllegalConfigurationException("A TaskExecutor needs at least one temporary directory.");
        }
        this.tmpDirectories = tmpDirectories.clone();
    }

    /**
     * From {@code taskmanager.numberOfTaskSlots}, {@code taskmanager.slot.timeout}, {@code heartbeat.interval},
     * {@code heartbeat.timeout}, {@code pekko.ask.timeout} (the timeout of the TaskExecutor's own calls),
     * {@code task.cancellation.interval} and {@code task.cancellation.timeout}; temporary files go to
     * {@code java.io.tmpdir}.
     */
    public static TaskManagerConfiguration fromConfiguration(Configuration configuration) {
        return new TaskManagerConfiguration(configuration,
                configuration.get(TaskManagerOptions.NUM_TASK_SLOTS),
                configuration.get(TaskManagerOptions.SLOT_TIMEOUT),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT),
                configuration.get(RpcOptions.ASK_TIMEOUT),
                configuration.get(TaskManagerOptions.TASK_CANCELLATION_INTERVAL),
                configuration.get(TaskManagerOptions.TASK_CANCELLATION_TIMEOUT),
                DEFAULT_INITIAL_REGISTRATION_BACKOFF,
                DEFAULT_MAX_REGISTRATION_BACKOFF,
                new File[] {new File(System.getProperty("java.io.tmpdir"))});
    }

    private static void check(boolean condition, String key, String expected, Object actual) {
        if (!condition) {
            throw new IllegalConfigurationException("The option '" + key + "' must be " + expected + ", but is "
                    + actual + ".");
        }
    }

    private static void checkPositive(Duration value, String key) {
        check(!value.isNegative() && !value.isZero(), key, "positive", value);
    }

    public Configuration getConfiguration() {
        return new Configuration(configuration);
    }

    /** {@code taskmanager.registration.timeout}: how long the TaskExecutor may stay unregistered before it gives up. */
    public Duration getRegistrationTimeout() {
        return configuration.get(TaskManagerOptions.REGISTRATION_TIMEOUT);
    }

    public int getNumberOfSlots() {
        return numberOfSlots;
    }

    public Duration getSlotTimeout() {
        return slotTimeout;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    public Duration getRpcTimeout() {
        return rpcTimeout;
    }

    public Duration getCancellationInterval() {
        return cancellationInterval;
    }

    public Duration getCancellationTimeout() {
        return cancellationTimeout;
    }

    public Duration getInitialRegistrationBackoff() {
        return initialRegistrationBackoff;
    }

    public Duration getMaxRegistrationBackoff() {
        return maxRegistrationBackoff;
    }

    public File[] getTmpDirectories() {
        return tmpDirectories.clone();
    }
}
