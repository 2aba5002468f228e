package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the JobManager: its addresses, its memory, the job store and slot handling. */
public final class JobManagerOptions {

    private JobManagerOptions() {}

    // ---- addresses ----

    /** Address of the JobManager. */
    public static final ConfigOption<String> ADDRESS = key("jobmanager.rpc.address")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP address under which TaskManagers and clients reach the JobManager in"
                    + " a standalone cluster without high availability. Ignored with high availability and on"
                    + " YARN, where the leader is discovered.");

    /** Local address the JobManager binds to. */
    public static final ConfigOption<String> BIND_HOST = key("jobmanager.bind-host")
            .stringType()
            .noDefaultValue()
            .withDescription("Local address the JobManager's RPC server binds to, e.g. '0.0.0.0'. If unset, the"
                    + " address of 'jobmanager.rpc.address'.");

    /** RPC port of the JobManager. */
    public static final ConfigOption<Integer> PORT = key("jobmanager.rpc.port")
            .intType()
            .defaultValue(6123)
            .withDescription("Port under which TaskManagers and clients reach the JobManager's RPC server.");

    /** Local RPC port the JobManager binds to. */
    public static final ConfigOption<Integer> RPC_BIND_PORT = key("jobmanager.rpc.bind-port")
            .intType()
            .noDefaultValue()
            .withDescription("Local port the JobManager's RPC server binds to, when it differs from the advertised"
                    + " 'jobmanager.rpc.port' (behind NAT or in containers).");

    // ---- memory ----

    /** Total memory of the JobManager process. */
    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = key("jobmanager.memory.process.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("Total memory of the JobManager process: heap, off-heap, metaspace and JVM overhead. In"
                    + " containers set it to the container size.");

    /** Memory of the JobManager used by Freshet (heap and off-heap). */
    public static final ConfigOption<MemorySize> TOTAL_FLINK_MEMORY = key("jobmanager.memory.flink.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("JobManager memory used by Freshet: heap plus off-heap, without metaspace and JVM"
                    + " overhead.");

    /** Heap of the JobManager. */
    public static final ConfigOption<MemorySize> JVM_HEAP_MEMORY = key("jobmanager.memory.heap.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("JVM heap of the JobManager. If unset, derived from the total memory.");

    /** Off-heap memory of the JobManager. */
    public static final ConfigOption<MemorySize> OFF_HEAP_MEMORY = key("jobmanager.memory.off-heap.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(128))
            .withDescription("Direct and native memory of the JobManager, e.g. for network buffers of the RPC"
                    + " system.");

    /** Metaspace of the JobManager. */
    public static final ConfigOption<MemorySize> JVM_METASPACE = key("jobmanager.memory.jvm-metaspace.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(256))
            .withDescription("JVM metaspace of the JobManager.");

    /** Lower bound of the JobManager's JVM overhead. */
    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN = key("jobmanager.memory.jvm-overhead.min")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(192))
            .withDescription("Least memory reserved for JVM overhead (thread stacks, code cache, GC) of the"
                    + " JobManager.");

    /** Upper bound of the JobManager's JVM overhead. */
    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX = key("jobmanager.memory.jvm-overhead.max")
            .memoryType()
            .defaultValue(MemorySize.parse("1g"))
            .withDescription("Most memory reserved for JVM overhead of the JobManager.");

    /** Share of the process memory reserved for JVM overhead. */
    public static final ConfigOption<Float> JVM_OVERHEAD_FRACTION = key("jobmanager.memory.jvm-overhead.fraction")
            .floatType()
            .defaultValue(0.1f)
            .withDescription("Fraction of the JobManager's total process memory reserved for JVM overhead, bounded"
                    + " by its min and max.");

    // ---- execution ----

    /** Failover strategy. */
    public static final ConfigOption<String> EXECUTION_FAILOVER_STRATEGY = key("jobmanager.execution.failover-strategy")
            .stringType()
            .defaultValue("region")
            .withDescription("Which tasks restart when one fails: 'full' restarts all, 'region' only the pipelined"
                    + " region of the failed task.");

    /** Prior execution attempts kept per task. */
    public static final ConfigOption<Integer> MAX_ATTEMPTS_HISTORY_SIZE =
            key("jobmanager.execution.attempts-history-size")
                    .intType()
                    .defaultValue(16)
                    .withDeprecatedKeys("job-manager.max-attempts-history-size")
                    .withDescription("How many earlier execution attempts of each task are kept for the Web UI.");

    /** Directory of archived finished jobs. */
    public static final ConfigOption<String> ARCHIVE_DIR = key("jobmanager.archive.fs.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory to which the JobManager archives finished jobs for the history server.");

    // ---- job store ----

    /** Size of the finished-jobs cache. */
    public static final ConfigOption<Long> JOB_STORE_CACHE_SIZE = key("jobstore.cache-size")
            .longType()
            .defaultValue(50L * 1024L * 1024L)
            .withDescription("Bytes of memory the store of finished jobs may use for caching them.");

    /** Seconds a finished job is kept. */
    public static final ConfigOption<Long> JOB_STORE_EXPIRATION_TIME = key("jobstore.expiration-time")
            .longType()
            .defaultValue(60L * 60L)
            .withDescription("Seconds a finished job stays in the store of finished jobs before it is removed.");

    /** Most finished jobs kept. */
    public static final ConfigOption<Integer> JOB_STORE_MAX_CAPACITY = key("jobstore.max-capacity")
            .intType()
            .defaultValue(Integer.MAX_VALUE)
            .withDescription("Most finished jobs kept in the store of finished jobs.");

    // ---- slots ----

    /** Time a slot request may wait. */
    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = key("slot.request.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a slot request of a job may wait before the request, and the job, fail.");

    /** Time after which an idle slot is released. */
    public static final ConfigOption<Duration> SLOT_IDLE_TIMEOUT = key("slot.idle.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(50))
            .withDescription("How long the JobMaster keeps a slot it does not use before giving it back.");
}
