package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/**
 * Options of the RPC system that connects the Dispatcher, ResourceManager, JobMasters and TaskExecutors.
 *
 * <p>The keys keep Flink's names: Flink runs its RPC on Pekko (formerly Akka), so they start with {@code pekko.},
 * and the {@code akka.} keys of older Flink versions are still read.
 */
public final class RpcOptions {

    private RpcOptions() {}

    /** Default timeout of an RPC ask. */
    public static final ConfigOption<Duration> ASK_TIMEOUT = key("pekko.ask.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDeprecatedKeys("akka.ask.timeout")
            .withDescription("How long an RPC call (ask) waits for its answer before it fails with a timeout, unless"
                    + " the call passes its own timeout. Increase it if calls time out on a busy or slow network.");

    /** Timeout of looking up (connecting to) a remote RPC endpoint. */
    public static final ConfigOption<Duration> LOOKUP_TIMEOUT = key("pekko.lookup.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDeprecatedKeys("akka.lookup.timeout")
            .withDescription("How long connecting to a remote RPC endpoint may take, including the TCP connection to"
                    + " its process, before the connection attempt fails.");

    /** Largest RPC message. */
    public static final ConfigOption<String> FRAMESIZE = key("pekko.framesize")
            .stringType()
            .defaultValue("10485760b")
            .withDeprecatedKeys("akka.framesize")
            .withDescription("Largest message, in bytes, that RPC calls and their answers may have on the wire."
                    + " A larger message fails its call with an error naming this option; the connection stays"
                    + " usable.");
}
