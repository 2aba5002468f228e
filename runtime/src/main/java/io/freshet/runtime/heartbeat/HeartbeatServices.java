package io.freshet.runtime.heartbeat;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.HeartbeatManagerOptions;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.util.clock.Clock;
import io.freshet.util.clock.SystemClock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * Creates the {@link HeartbeatManager}s of a process with one interval ({@code heartbeat.interval}), one timeout
 * ({@code heartbeat.timeout}) and one clock. Tests subclass it to drive the managers' timers by hand.
 */
public class HeartbeatServices {

    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Clock clock;

    /**
     * @throws IllegalConfigurationException if the interval is not positive or the timeout not larger than it
     */
    public HeartbeatServices(Duration heartbeatInterval, Duration heartbeatTimeout, Clock clock) {
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.heartbeatTimeout = Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalConfigurationException("The option '" + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key()
                    + "' must be positive, but is " + heartbeatInterval.toMillis() + " ms.");
        }
        if (heartbeatTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalConfigurationException("The option '" + HeartbeatManagerOptions.HEARTBEAT_TIMEOUT.key()
                    + "' (" + heartbeatTimeout.toMillis() + " ms) must be larger than '"
                    + HeartbeatManagerOptions.HEARTBEAT_INTERVAL.key() + "' (" + heartbeatInterval.toMillis()
                    + " ms), or every peer would count as lost between two heartbeats.");
        }
    }

    /** The services of {@code heartbeat.interval} and {@code heartbeat.timeout}, on the system clock. */
    public static HeartbeatServices fromConfiguration(Configuration configuration) {
        return new HeartbeatServices(configuration.get(HeartbeatManagerOptions.HEARTBEAT_INTERVAL),
                configuration.get(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT), SystemClock.getInstance());
    }

    /**
     * A manager that detects timeouts but sends no requests; for the side that answers heartbeat requests.
     *
     * @param mainThreadExecutor the owner's main-thread executor; every callback runs there
     */
    public <I, O> HeartbeatManager<I, O> createHeartbeatManager(ResourceID ownResourceId,
            HeartbeatListener<I, O> listener, ScheduledExecutor mainThreadExecutor, Logger log) {
        return new HeartbeatManagerImpl<>(ownResourceId, heartbeatTimeout, listener, mainThreadExecutor, clock, log);
    }

    /**
     * A manager that also requests heartbeats from all targets every interval; for the side that drives them.
     *
     * @param mainThreadExecutor the owner's main-thread executor; every callback and request runs there
     */
    public <I, O> HeartbeatManager<I, O> createHeartbeatManagerSender(ResourceID ownResourceId,
            HeartbeatListener<I, O> listener, ScheduledExecutor mainThreadExecutor, Logger log) {
        return new HeartbeatManagerSenderImpl<>(ownResourceId, heartbeatInterval, heartbeatTimeout, listener,
                mainThreadExecutor, clock, log);
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration getHeartbeatTimeout() {
        return heartbeatTimeout;
    }

    public Clock getClock() {
        return clock;
    }
}
