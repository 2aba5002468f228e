package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the REST endpoint (which also serves the Web UI) and of REST clients such as the CLI. */
public final class RestOptions {

    private RestOptions() {}

    /** Local address the REST server binds to. */
    public static final ConfigOption<String> BIND_ADDRESS = key("rest.bind-address")
            .stringType()
            .noDefaultValue()
            .withFallbackKeys("web.address")
            .withDeprecatedKeys("jobmanager.web.address")
            .withDescription("Local address the REST server binds to, e.g. '0.0.0.0' to accept connections on every"
                    + " interface.");

    /** Local port or port range the REST server binds to. */
    public static final ConfigOption<String> BIND_PORT = key("rest.bind-port")
            .stringType()
            .defaultValue("8081")
            .withFallbackKeys("rest.port")
            .withDeprecatedKeys("web.port", "jobmanager.web.port")
            .withDescription("Port, port list or range ('50100,50101', '50100-50200') the REST server binds to; the"
                    + " first free one is used. If unset, 'rest.port'.");

    /** Address clients use to reach the REST server. */
    public static final ConfigOption<String> ADDRESS = key("rest.address")
            .stringType()
            .noDefaultValue()
            .withFallbackKeys(JobManagerOptions.ADDRESS.key())
            .withDescription("Address under which clients reach the REST server.");

    /** Port clients use to reach the REST server. */
    public static final ConfigOption<Integer> PORT = key("rest.port")
            .intType()
            .defaultValue(8081)
            .withDeprecatedKeys("web.port")
            .withDescription("Port under which clients reach the REST server; also the server's bind port when"
                    + " 'rest.bind-port' is unset.");

    /** Time a client waits for a leader. */
    public static final ConfigOption<Duration> AWAIT_LEADER_TIMEOUT = key("rest.await-leader-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDescription("How long a client waits for the address of the leading REST server.");

    /** Attempts of a failed client request. */
    public static final ConfigOption<Integer> RETRY_MAX_ATTEMPTS = key("rest.retry.max-attempts")
            .intType()
            .defaultValue(20)
            .withDescription("How often a client retries a retriable request that failed.");

    /** Pause between client retries. */
    public static final ConfigOption<Duration> RETRY_DELAY = key("rest.retry.delay")
            .durationType()
            .defaultValue(Duration.ofSeconds(3))
            .withDescription("Pause of a client between two attempts of a request.");

    /** Time a client waits for a connection. */
    public static final ConfigOption<Duration> CONNECTION_TIMEOUT = key("rest.connection-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(15))
            .withDescription("How long a client waits to establish a TCP connection.");

    /** Time after which an idle connection is closed. */
    public static final ConfigOption<Duration> IDLENESS_TIMEOUT = key("rest.idleness-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a connection may stay idle before it is closed.");

    /** Largest message the server accepts. */
    public static final ConfigOption<Integer> SERVER_MAX_CONTENT_LENGTH = key("rest.server.max-content-length")
            .intType()
            .defaultValue(104_857_600)
            .withDescription("Largest message, in bytes, the REST server accepts, e.g. when jobs are submitted.");

    /** Largest message the client accepts. */
    public static final ConfigOption<Integer> CLIENT_MAX_CONTENT_LENGTH = key("rest.client.max-content-length")
            .intType()
            .defaultValue(104_857_600)
            .withDescription("Largest message, in bytes, a REST client accepts.");

    /** Threads of the REST server. */
    public static final ConfigOption<Integer> SERVER_NUM_THREADS = key("rest.server.numThreads")
            .intType()
            .defaultValue(4)
            .withDescription("Threads that handle REST requests asynchronously.");
}
