package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of high availability: leader election and recovery through ZooKeeper and the HA storage directory. */
public final class HighAvailabilityOptions {

    private HighAvailabilityOptions() {}

    /** The high-availability mode. */
    public static final ConfigOption<String> HA_MODE = key("high-availability.type")
            .stringType()
            .defaultValue("NONE")
            .withDeprecatedKeys("recovery.mode", "high-availability")
            .withDescription("High-availability mode: 'NONE' (a single JobManager), 'ZOOKEEPER', or the fully"
                    + " qualified name of a high-availability services factory class.");

    /** Identifier of the cluster in ZooKeeper and storage. */
    public static final ConfigOption<String> HA_CLUSTER_ID = key("high-availability.cluster-id")
            .stringType()
            .defaultValue("/default")
            .withDeprecatedKeys("high-availability.zookeeper.path.namespace", "recovery.zookeeper.path.namespace")
            .withDescription("Identifier that separates this cluster's HA data from other clusters'. On YARN it is set"
                    + " to the application id automatically; set it by hand for standalone clusters that share one"
                    + " ZooKeeper.");

    /** Directory of HA metadata. */
    public static final ConfigOption<String> HA_STORAGE_PATH = key("high-availability.storageDir")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("high-availability.zookeeper.storageDir", "recovery.zookeeper.storageDir")
            .withDescription("Directory (e.g. 'hdfs:///freshet/ha/') where job graphs, blobs and checkpoint metadata"
                    + " needed for recovery are stored; ZooKeeper holds only pointers to them. Required with high"
                    + " availability.");

    /** Port range of the JobManager under high availability. */
    public static final ConfigOption<String> HA_JOB_MANAGER_PORT_RANGE = key("high-availability.jobmanager.port")
            .stringType()
            .defaultValue("0")
            .withDeprecatedKeys("recovery.jobmanager.port")
            .withDescription("Port, port list or range the JobManager's RPC server uses under high availability; 0"
                    + " picks a free port.");

    // ---- ZooKeeper ----

    /** ZooKeeper servers. */
    public static final ConfigOption<String> HA_ZOOKEEPER_QUORUM = key("high-availability.zookeeper.quorum")
            .stringType()
            .noDefaultValue()
            .withDeprecatedKeys("recovery.zookeeper.quorum")
            .withDescription("ZooKeeper servers as 'host:port' pairs separated by commas. Required with ZooKeeper"
                    + " high availability.");

    /** Root ZooKeeper node. */
    public static final ConfigOption<String> HA_ZOOKEEPER_ROOT = key("high-availability.zookeeper.path.root")
            .stringType()
            .defaultValue("/flink")
            .withDeprecatedKeys("recovery.zookeeper.path.root")
            .withDescription("ZooKeeper node under which all clusters keep their HA data.");

    /** ZooKeeper node of job graphs. */
    public static final ConfigOption<String> HA_ZOOKEEPER_JOBGRAPHS_PATH =
            key("high-availability.zookeeper.path.jobgraphs")
                    .stringType()
                    .defaultValue("/jobgraphs")
                    .withDeprecatedKeys("recovery.zookeeper.path.jobgraphs")
                    .withDescription("ZooKeeper node, below the cluster's node, that points to the stored job"
                            + " graphs.");

    /** ZooKeeper session timeout. */
    public static final ConfigOption<Duration> ZOOKEEPER_SESSION_TIMEOUT =
            key("high-availability.zookeeper.client.session-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDeprecatedKeys("recovery.zookeeper.client.session-timeout")
                    .withDescription("ZooKeeper session timeout; a leader that loses its session loses leadership.");

    /** ZooKeeper connection timeout. */
    public static final ConfigOption<Duration> ZOOKEEPER_CONNECTION_TIMEOUT =
            key("high-availability.zookeeper.client.connection-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(15))
                    .withDeprecatedKeys("recovery.zookeeper.client.connection-timeout")
                    .withDescription("How long the client waits to connect to ZooKeeper.");

    /** Pause between ZooKeeper connection attempts. */
    public static final ConfigOption<Duration> ZOOKEEPER_RETRY_WAIT =
            key("high-availability.zookeeper.client.retry-wait")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDeprecatedKeys("recovery.zookeeper.client.retry-wait")
                    .withDescription("Pause between two attempts to connect to ZooKeeper.");

    /** ZooKeeper connection attempts. */
    public static final ConfigOption<Integer> ZOOKEEPER_MAX_RETRY_ATTEMPTS =
            key("high-availability.zookeeper.client.max-retry-attempts")
                    .intType()
                    .defaultValue(3)
                    .withDeprecatedKeys("recovery.zookeeper.client.max-retry-attempts")
                    .withDescription("How often the client retries to connect to ZooKeeper before it fails.");

    /** ACL of the created ZooKeeper nodes. */
    public static final ConfigOption<String> ZOOKEEPER_CLIENT_ACL = key("high-availability.zookeeper.client.acl")
            .stringType()
            .defaultValue("open")
            .withDescription("ACL of the ZooKeeper nodes Freshet creates: 'open' or, on a Kerberos-secured"
                    + " ZooKeeper, 'creator'.");
}
