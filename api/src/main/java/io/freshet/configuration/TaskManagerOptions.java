package io.freshet.configuration;

import static io.freshet.configuration.ConfigOptions.key;

import java.time.Duration;

/** Options of the TaskManagers: addresses, slots, and the memory model that sizes heap, managed and network memory. */
public final class TaskManagerOptions {

    private TaskManagerOptions() {}

    // ---- addresses ----

    /** Address of the TaskManager. */
    public static final ConfigOption<String> HOST = key("taskmanager.host")
            .stringType()
            .noDefaultValue()
            .withDescription("Host name or IP address under which the JobManager and other TaskManagers reach this"
                    + " TaskManager. If unset, it is detected from the connection to the JobManager.");

    /** Local address the TaskManager binds to. */
    public static final ConfigOption<String> BIND_HOST = key("taskmanager.bind-host")
            .stringType()
            .noDefaultValue()
            .withDescription("Local address the TaskManager's RPC and data servers bind to, e.g. '0.0.0.0'.");

    /** RPC port of the TaskManager. */
    public static final ConfigOption<String> RPC_PORT = key("taskmanager.rpc.port")
            .stringType()
            .defaultValue("0")
            .withDescription("Port, port list or range ('50100,50101', '50100-50200') of the TaskManager's RPC"
                    + " server; 0 picks a free port.");

    /** Local RPC port the TaskManager binds to. */
    public static final ConfigOption<Integer> RPC_BIND_PORT = key("taskmanager.rpc.bind-port")
            .intType()
            .noDefaultValue()
            .withDescription("Local port the TaskManager's RPC server binds to, when it differs from the advertised"
                    + " 'taskmanager.rpc.port'.");

    // ---- slots and registration ----

    /** Number of slots of a TaskManager. */
    public static final ConfigOption<Integer> NUM_TASK_SLOTS = key("taskmanager.numberOfTaskSlots")
            .intType()
            .defaultValue(1)
            .withDescription("Number of slots of one TaskManager, i.e. how many parallel pipelines it runs. Managed"
                    + " memory is divided evenly among the slots.");

    /** The TaskManager's id; set by resource managers that start TaskManagers (YARN: the container id). */
    public static final ConfigOption<String> TASK_MANAGER_RESOURCE_ID = key("taskmanager.resource-id")
            .stringType()
            .noDefaultValue()
            .withDescription("The TaskManager's resource id, under which it registers and is shown. If unset, it is"
                    + " '<host>:<rpc port>-<random>'. On YARN it is the container id.");

    /** Time an unused slot stays allocated to a job. */
    public static final ConfigOption<Duration> SLOT_TIMEOUT = key("taskmanager.slot.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long a slot allocated to a job but not used stays allocated before it is freed.");

    /** Time the TaskManager tries to register with the ResourceManager. */
    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT = key("taskmanager.registration.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDeprecatedKeys("taskmanager.maxRegistrationDuration")
            .withDescription("If a TaskManager has not registered with the ResourceManager within this time, it"
                    + " shuts down.");

    /** Number of TaskManagers of a MiniCluster. */
    public static final ConfigOption<Integer> MINI_CLUSTER_NUM_TASK_MANAGERS = key("minicluster.number-of-taskmanagers")
            .intType()
            .defaultValue(1)
            .withDeprecatedKeys("local.number-taskmanager")
            .withDescription("Number of TaskManagers a MiniCluster (the 'local' target) starts.");

    // ---- memory: totals ----

    /** Total memory of the TaskManager process. */
    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = key("taskmanager.memory.process.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("Total memory of the TaskManager process: Freshet memory, metaspace and JVM overhead."
                    + " In containers (YARN) set it to the container size.");

    /** Memory of the TaskManager used by Freshet. */
    public static final ConfigOption<MemorySize> TOTAL_FLINK_MEMORY = key("taskmanager.memory.flink.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("TaskManager memory used by Freshet: framework and task heap and off-heap, managed"
                    + " and network memory; without metaspace and JVM overhead.");

    /** CPU cores of the TaskManager. */
    public static final ConfigOption<Double> CPU_CORES = key("taskmanager.cpu.cores")
            .doubleType()
            .noDefaultValue()
            .withDescription("CPU cores the TaskManager claims, e.g. from YARN. If unset, the number of slots.");

    // ---- memory: components ----

    /** Heap reserved for the framework. */
    public static final ConfigOption<MemorySize> FRAMEWORK_HEAP_MEMORY = key("taskmanager.memory.framework.heap.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(128))
            .withDescription("JVM heap reserved for the TaskManager's own code, not for tasks.");

    /** Off-heap memory reserved for the framework. */
    public static final ConfigOption<MemorySize> FRAMEWORK_OFF_HEAP_MEMORY =
            key("taskmanager.memory.framework.off-heap.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(128))
                    .withDescription("Direct and native memory reserved for the TaskManager's own code.");

    /** Heap for tasks. */
    public static final ConfigOption<MemorySize> TASK_HEAP_MEMORY = key("taskmanager.memory.task.heap.size")
            .memoryType()
            .noDefaultValue()
            .withDescription("JVM heap for the operators and user code of tasks. If unset, what remains of the"
                    + " Freshet memory after all other components.");

    /** Off-heap memory for tasks. */
    public static final ConfigOption<MemorySize> TASK_OFF_HEAP_MEMORY = key("taskmanager.memory.task.off-heap.size")
            .memoryType()
            .defaultValue(MemorySize.ZERO)
            .withDescription("Direct and native memory for the operators and user code of tasks.");

    /** Managed memory size. */
    public static final ConfigOption<MemorySize> MANAGED_MEMORY_SIZE = key("taskmanager.memory.managed.size")
            .memoryType()
            .noDefaultValue()
            .withDeprecatedKeys("taskmanager.memory.size")
            .withDescription("Off-heap memory managed by the TaskManager for batch sorting, hash tables and caching."
                    + " If unset, 'taskmanager.memory.managed.fraction' of the Freshet memory.");

    /** Managed memory share of the Freshet memory. */
    public static final ConfigOption<Float> MANAGED_MEMORY_FRACTION = key("taskmanager.memory.managed.fraction")
            .floatType()
            .defaultValue(0.4f)
            .withDescription("Fraction of the Freshet memory used as managed memory when"
                    + " 'taskmanager.memory.managed.size' is unset.");

    /** Lower bound of network memory. */
    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN = key("taskmanager.memory.network.min")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(64))
            .withDeprecatedKeys("taskmanager.network.memory.min")
            .withDescription("Least memory for network buffers.");

    /** Upper bound of network memory. */
    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX = key("taskmanager.memory.network.max")
            .memoryType()
            .defaultValue(MemorySize.MAX_VALUE)
            .withDeprecatedKeys("taskmanager.network.memory.max")
            .withDescription("Most memory for network buffers. By default unbounded, so the fraction decides.");

    /** Network memory share of the Freshet memory. */
    public static final ConfigOption<Float> NETWORK_MEMORY_FRACTION = key("taskmanager.memory.network.fraction")
            .floatType()
            .defaultValue(0.1f)
            .withDeprecatedKeys("taskmanager.network.memory.fraction")
            .withDescription("Fraction of the Freshet memory used for network buffers, bounded by the min and max.");

    /** Size of a memory segment. */
    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE = key("taskmanager.memory.segment-size")
            .memoryType()
            .defaultValue(MemorySize.parse("32kb"))
            .withDescription("Size of the memory segments of network buffers and managed memory; also the size of"
                    + " one network buffer.");

    /** Metaspace of the TaskManager. */
    public static final ConfigOption<MemorySize> JVM_METASPACE = key("taskmanager.memory.jvm-metaspace.size")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(256))
            .withDescription("JVM metaspace of the TaskManager.");

    /** Lower bound of the TaskManager's JVM overhead. */
    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN = key("taskmanager.memory.jvm-overhead.min")
            .memoryType()
            .defaultValue(MemorySize.ofMebiBytes(192))
            .withDescription("Least memory reserved for JVM overhead (thread stacks, code cache, GC) of the"
                    + " TaskManager.");

    /** Upper bound of the TaskManager's JVM overhead. */
    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX = key("taskmanager.memory.jvm-overhead.max")
            .memoryType()
            .defaultValue(MemorySize.parse("1g"))
            .withDescription("Most memory reserved for JVM overhead of the TaskManager.");

    /** Share of the process memory reserved for JVM overhead. */
    public static final ConfigOption<Float> JVM_OVERHEAD_FRACTION = key("taskmanager.memory.jvm-overhead.fraction")
            .floatType()
            .defaultValue(0.1f)
            .withDescription("Fraction of the TaskManager's total process memory reserved for JVM overhead, bounded"
                    + " by its min and max.");

    // ---- task cancellation ----

    /** Time between attempts to interrupt a cancelled task. */
    public static final ConfigOption<Duration> TASK_CANCELLATION_INTERVAL = key("task.cancellation.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .withDeprecatedKeys("task.cancellation-interval")
            .withDescription("Time between two attempts to interrupt the thread of a task being cancelled.");

    /** Time after which a stuck cancellation kills the TaskManager. */
    public static final ConfigOption<Duration> TASK_CANCELLATION_TIMEOUT = key("task.cancellation.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("If a task has not stopped this long after its cancellation, the TaskManager exits"
                    + " with a fatal error so that it can be replaced. 0 waits forever.");
}
