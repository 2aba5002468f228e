package io.freshet.runtime.clusterframework;

import java.util.List;

import io.freshet.configuration.ConfigOption;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.JobManagerOptions;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.io.network.buffer.NetworkBufferSizing;

/**
 * How a JobManager or TaskManager process divides its memory, derived from Flink's memory options, and the JVM
 * flags that enforce it. The scripts ask for the flags ({@code BashJavaUtils}); the TaskManager sizes its
 * network buffers and managed memory from the same numbers, so the flags and the process agree.
 *
 * <p>TaskManager: process = Freshet memory + metaspace + JVM overhead (a fraction of the process, within its min
 * and max); Freshet memory = framework heap + task heap + framework off-heap + task off-heap + managed + network.
 * Managed memory and network memory are fractions of the Freshet memory unless sized explicitly; task heap is
 * what remains. JobManager: process = heap + off-heap + metaspace + overhead.
 */
public final class ProcessMemorySpec {

    private final MemorySize heap;
    private final MemorySize directMemory;
    private final MemorySize metaspace;
    private final MemorySize managed;
    private final MemorySize network;
    private final MemorySize totalFlinkMemory;

    private ProcessMemorySpec(MemorySize heap, MemorySize directMemory, MemorySize metaspace, MemorySize managed,
            MemorySize network, MemorySize totalFlinkMemory) {
        this.heap = heap;
        this.directMemory = directMemory;
        this.metaspace = metaspace;
        this.managed = managed;
        this.network = network;
        this.totalFlinkMemory = totalFlinkMemory;
    }

    // ---- TaskManager ----

    /**
     * @throws IllegalConfigurationException when neither {@code taskmanager.memory.process.size} nor
     *     {@code taskmanager.memory.flink.size} is set, or the parts do not fit into the total
     */
    public static ProcessMemorySpec forTaskManager(Configuration config) {
        MemorySize metaspace = config.get(TaskManagerOptions.JVM_METASPACE);
        MemorySize flink;
        if (config.contains(TaskManagerOptions.TOTAL_FLINK_MEMORY)) {
            flink = config.get(TaskManagerOptions.TOTAL_FLINK_MEMORY);
        } else if (config.contains(TaskManagerOptions.TOTAL_PROCESS_MEMORY)) {
            MemorySize process = config.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY);
            MemorySize overhead = overhead(process, config.get(TaskManagerOptions.JVM_OVERHEAD_FRACTION),
                    config.get(TaskManagerOptions.JVM_OVERHEAD_MIN), config.get(TaskManagerOptions.JVM_OVERHEAD_MAX));
            flink = remainder(process, List.of(metaspace, overhead), TaskManagerOptions.TOTAL_PROCESS_MEMORY,
                    "the JVM metaspace (" + TaskManagerOptions.JVM_METASPACE.key() + ") and overhead");
        } else {
            throw new IllegalConfigurationException("The TaskManager's memory is not configured: set '%s' (the whole"
                    + " process, e.g. 1728m) or '%s' (the memory Freshet uses, without JVM metaspace and overhead).",
                    TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(), TaskManagerOptions.TOTAL_FLINK_MEMORY.key());
        }
        MemorySize frameworkHeap = config.get(TaskManagerOptions.FRAMEWORK_HEAP_MEMORY);
        MemorySize frameworkOffHeap = config.get(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY);
        MemorySize taskOffHeap = config.get(TaskManagerOptions.TASK_OFF_HEAP_MEMORY);
        MemorySize managed = config.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)
                ? config.get(TaskManagerOptions.MANAGED_MEMORY_SIZE)
                : flink.multiply(config.get(TaskManagerOptions.MANAGED_MEMORY_FRACTION));
        MemorySize network = NetworkBufferSizing.networkMemorySize(config, flink);
        MemorySize taskHeap = config.contains(TaskManagerOptions.TASK_HEAP_MEMORY)
                ? config.get(TaskManagerOptions.TASK_HEAP_MEMORY)
                : remainder(flink, List.of(frameworkHeap, frameworkOffHeap, taskOffHeap, managed, network),
                        TaskManagerOptions.TOTAL_FLINK_MEMORY, "framework heap and off-heap, task off-heap, managed"
                                + " and network memory");
        return new ProcessMemorySpec(frameworkHeap.add(taskHeap), frameworkOffHeap.add(taskOffHeap).add(network),
                metaspace, managed, network, flink);
    }

    // ---- JobManager ----

    /** @throws IllegalConfigurationException when no size is set or the parts do not fit into the total */
    public static ProcessMemorySpec forJobManager(Configuration config) {
        MemorySize metaspace = config.get(JobManagerOptions.JVM_METASPACE);
        MemorySize offHeap = config.get(JobManagerOptions.OFF_HEAP_MEMORY);
        MemorySize heap;
        if (config.contains(JobManagerOptions.JVM_HEAP_MEMORY)) {
            heap = config.get(JobManagerOptions.JVM_HEAP_MEMORY);
        } else if (config.contains(JobManagerOptions.TOTAL_FLINK_MEMORY)) {
            heap = remainder(config.get(JobManagerOptions.TOTAL_FLINK_MEMORY), List.of(offHeap),
                    JobManagerOptions.TOTAL_FLINK_MEMORY, "the off-heap memory");
        } else if (config.contains(JobManagerOptions.TOTAL_PROCESS_MEMORY)) {
            MemorySize process = config.get(JobManagerOptions.TOTAL_PROCESS_MEMORY);
            MemorySize overhead = overhead(process, config.get(JobManagerOptions.JVM_OVERHEAD_FRACTION),
                    config.get(JobManagerOptions.JVM_OVERHEAD_MIN), config.get(JobManagerOptions.JVM_OVERHEAD_MAX));
            heap = remainder(process, List.of(metaspace, overhead, offHeap), JobManagerOptions.TOTAL_PROCESS_MEMORY,
                    "the JVM metaspace, overhead and off-heap memory");
        } else {
            throw new IllegalConfigurationException("The JobManager's memory is not configured: set '%s' (the whole"
                    + " process, e.g. 1600m), '%s' or '%s'.", JobManagerOptions.TOTAL_PROCESS_MEMORY.key(),
                    JobManagerOptions.TOTAL_FLINK_MEMORY.key(), JobManagerOptions.JVM_HEAP_MEMORY.key());
        }
        return new ProcessMemorySpec(heap, offHeap, metaspace, MemorySize.ZERO, MemorySize.ZERO, heap.add(offHeap));
    }

    private static MemorySize overhead(MemorySize process, float fraction, MemorySize min, MemorySize max) {
        long bytes = (long) (process.getBytes() * (double) fraction);
        return new MemorySize(Math.max(min.getBytes(), Math.min(max.getBytes(), bytes)));
    }

    private static MemorySize remainder(MemorySize total, List<MemorySize> parts, ConfigOption<MemorySize> totalOption,
            String partsDescription) {
        long rest = total.getBytes();
        for (MemorySize part : parts) {
            rest -= part.getBytes();
        }
        if (rest <= 0) {
            throw new IllegalConfigurationException("'%s' (%s) is too small for %s; raise it.", totalOption.key(),
                    total.toHumanReadableString(), partsDescription);
        }
        return new MemorySize(rest);
    }

    // ---- results ----

    /** {@code -Xmx/-Xms}, {@code -XX:MaxDirectMemorySize} and {@code -XX:MaxMetaspaceSize}, space separated. */
    public String jvmMemoryArguments() {
        return "-Xmx" + heap.getBytes() + " -Xms" + heap.getBytes() + " -XX:MaxDirectMemorySize="
                + directMemory.getBytes() + " -XX:MaxMetaspaceSize=" + metaspace.getBytes();
    }

    public MemorySize getHeap() {
        return heap;
    }

    public MemorySize getManagedMemory() {
        return managed;
    }

    public MemorySize getNetworkMemory() {
        return network;
    }

    public MemorySize getTotalFlinkMemory() {
        return totalFlinkMemory;
    }

    @Override
    public String toString() {
        return "heap " + heap.toHumanReadableString() + ", direct " + directMemory.toHumanReadableString()
                + ", metaspace " + metaspace.toHumanReadableString() + ", managed " + managed.toHumanReadableString()
                + ", network " + network.toHumanReadableString();
    }
}
