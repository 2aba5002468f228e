package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the heartbeats that detect lost TaskManagers, JobMasters and ResourceManagers. */
public final class HeartbeatManagerOptions {

    private HeartbeatManagerOptions() {}

    /** Time between heartbeat requests. */
    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = key("heartbeat.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Time between two heartbeat requests from a component to the ones it monitors.");

    /** Time without heartbeat after which a peer counts as lost. */
    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = key("heartbeat.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(50))
            .withDescription("A peer from which no heartbeat arrived for this long counts as lost, and its work is"
                    + " failed over. Must be larger than 'heartbeat.interval'.");

    /** Consecutive failed heartbeat RPCs after which a peer counts as lost. */
    public static final ConfigOption<Integer> HEARTBEAT_RPC_FAILURE_THRESHOLD = key("heartbeat.rpc-failure-threshold")
            .intType()
            .defaultValue(2)
            .withDescription("After this many consecutive heartbeat RPCs failed because the peer is unreachable, it"
                    + " counts as lost before the timeout. -1 turns this off.");
}
