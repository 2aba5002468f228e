package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

/**
 * Options of the network shuffle between tasks (data port, Netty threads, buffers per channel and gate), with
 * Flink's keys.
 */
public final class NettyShuffleEnvironmentOptions {

    private NettyShuffleEnvironmentOptions() {}

    /** The TaskExecutor's data port. */
    public static final ConfigOption<Integer> DATA_PORT = key("taskmanager.data.port")
            .intType()
            .defaultValue(0)
            .withDescription("The port on which a TaskManager serves its result partitions to consumers on other"
                    + " TaskManagers. 0 picks a free port at start-up (the default); set a fixed port when a firewall"
                    + " must allow it.");

    /** Netty server threads. */
    public static final ConfigOption<Integer> NUM_THREADS_SERVER = key("taskmanager.network.netty.server.numThreads")
            .intType()
            .defaultValue(-1)
            .withDescription("The number of Netty threads serving result partitions to remote consumers. -1 uses"
                    + " the number of task slots.");

    /** Netty client threads. */
    public static final ConfigOption<Integer> NUM_THREADS_CLIENT = key("taskmanager.network.netty.client.numThreads")
            .intType()
            .defaultValue(-1)
            .withDescription("The number of Netty threads receiving data from remote producers. -1 uses the number"
                    + " of task slots.");

    /** Connect timeout of shuffle connections. */
    public static final ConfigOption<Integer> CLIENT_CONNECT_TIMEOUT_SECONDS =
            key("taskmanager.network.netty.client.connectTimeoutSec")
                    .intType()
                    .defaultValue(120)
                    .withDescription("How long, in seconds, opening a data connection to another TaskManager may"
                            + " take before the consuming task fails.");

    /** First wait before a consumer asks again for a partition its producer has not registered yet. */
    public static final ConfigOption<Integer> NETWORK_REQUEST_BACKOFF_INITIAL =
            key("taskmanager.network.request-backoff.initial")
                    .intType()
                    .defaultValue(100)
                    .withDescription("Minimum backoff in milliseconds before an input channel requests a partition"
                            + " again when its producer (deployed at the same time) has not registered it yet; the"
                            + " backoff doubles with each attempt. 0 fails at the first miss.");

    /** Longest wait between partition requests; beyond it the consumer fails. */
    public static final ConfigOption<Integer> NETWORK_REQUEST_BACKOFF_MAX =
            key("taskmanager.network.request-backoff.max")
                    .intType()
                    .defaultValue(10000)
                    .withDescription("Maximum backoff in milliseconds between partition requests of an input"
                            + " channel; when the doubled backoff would exceed it, the channel fails with"
                            + " 'partition not found'.");

    /** Exclusive buffers per remote input channel (its initial credit). */
    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL =
            key("taskmanager.network.memory.buffers-per-channel")
                    .intType()
                    .defaultValue(2)
                    .withDescription("The network buffers reserved for each remote input channel: its initial"
                            + " credit towards the producer. At least 2 keep the network busy while the task reads;"
                            + " more help over high-latency links.");

    /** Floating buffers per input gate, shared by its remote channels when their producers have a backlog. */
    public static final ConfigOption<Integer> NETWORK_EXTRA_BUFFERS_PER_GATE =
            key("taskmanager.network.memory.floating-buffers-per-gate")
                    .intType()
                    .defaultValue(8)
                    .withDescription("The network buffers each input gate may borrow for its remote channels beyond"
                            + " their reserved ones, given to the channels whose producers report a backlog.");

    /** Directories for spilled data: here the files of BLOCKING result partitions. */
    public static final ConfigOption<String> TMP_DIRS = key("io.tmp.dirs")
            .stringType()
            .noDefaultValue()
            .withDescription("Directories for temporary files, separated by ',', '|' or the system's path"
                    + " separator: the files of BLOCKING result partitions are written here. Defaults to the JVM's"
                    + " java.io.tmpdir.");
}
