package io.freshet.runtime.io.network.buffer;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.configuration.MemorySize;
import io.freshet.configuration.TaskManagerOptions;

/**
 * Sizes the network memory of a TaskExecutor from {@code taskmanager.memory.network.min/max/fraction} and
 * {@code taskmanager.memory.segment-size}: the fraction of the Freshet memory, bounded by min and max, divided
 * into segments.
 */
public final class NetworkBufferSizing {

    /** Smallest segment that still holds a record length and some bytes. */
    public static final int MIN_SEGMENT_SIZE = 64;

    private NetworkBufferSizing() {}

    /** The segment size from {@code taskmanager.memory.segment-size}, validated. */
    public static int segmentSize(Configuration config) {
        long bytes = config.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes();
        if (bytes < MIN_SEGMENT_SIZE || bytes > Integer.MAX_VALUE) {
            throw new IllegalConfigurationException("'%s' is %d bytes; it must be between %d bytes and 2 GiB"
                    + " (the default is 32kb).", TaskManagerOptions.MEMORY_SEGMENT_SIZE.key(), bytes, MIN_SEGMENT_SIZE);
        }
        return (int) bytes;
    }

    /** The network memory: {@code fraction * totalFlinkMemory}, bounded by min and max. */
    public static MemorySize networkMemorySize(Configuration config, MemorySize totalFlinkMemory) {
        MemorySize min = config.get(TaskManagerOptions.NETWORK_MEMORY_MIN);
        MemorySize max = config.get(TaskManagerOptions.NETWORK_MEMORY_MAX);
        float fraction = config.get(TaskManagerOptions.NETWORK_MEMORY_FRACTION);
        if (min.compareTo(max) > 0) {
            throw new IllegalConfigurationException("'%s' (%s) is larger than '%s' (%s); set the minimum of the"
                    + " network memory at most as large as its maximum.", TaskManagerOptions.NETWORK_MEMORY_MIN.key(),
                    min.toHumanReadableString(), TaskManagerOptions.NETWORK_MEMORY_MAX.key(),
                    max.toHumanReadableString());
        }
        if (!(fraction >= 0f && fraction < 1f)) {
            throw new IllegalConfigurationException("'%s' is %s; it must be in [0, 1).",
                    TaskManagerOptions.NETWORK_MEMORY_FRACTION.key(), fraction);
        }
        long byFraction = (long) (totalFlinkMemory.getBytes() * (double) fraction);
        long bytes = Math.max(min.getBytes(), Math.min(max.getBytes(), byFraction));
        return new MemorySize(bytes);
    }

    /**
     * The number of network buffers for a TaskExecutor whose Freshet memory is {@code totalFlinkMemory}.
     *
     * @param requiredMinimum the buffers the TaskExecutor needs at least (for example for its slots' partitions
     *     and gates); fewer is a configuration error
     * @throws IllegalConfigurationException when min > max, the fraction is out of range, or the result is below
     *     {@code requiredMinimum}
     */
    public static int numberOfNetworkBuffers(Configuration config, MemorySize totalFlinkMemory, int requiredMinimum) {
        int segmentSize = segmentSize(config);
        MemorySize networkMemory = networkMemorySize(config, totalFlinkMemory);
        long buffers = networkMemory.getBytes() / segmentSize;
        if (buffers > Integer.MAX_VALUE) {
            throw new IllegalConfigurationException("The network memory of %s gives %d buffers of %d bytes, more than"
                    + " %d; raise '%s' or lower '%s'.", networkMemory.toHumanReadableString(), buffers, segmentSize,
                    Integer.MAX_VALUE, TaskManagerOptions.MEMORY_SEGMENT_SIZE.key(),
                    TaskManagerOptions.NETWORK_MEMORY_MAX.key());
        }
        if (buffers < requiredMinimum) {
            throw new IllegalConfigurationException("The network memory of %s (from '%s'=%s, '%s', '%s' and a Freshet"
                    + " memory of %s) gives %d buffers of %d bytes, but at least %d are needed. Raise '%s' or '%s'.",
                    networkMemory.toHumanReadableString(), TaskManagerOptions.NETWORK_MEMORY_FRACTION.key(),
                    config.get(TaskManagerOptions.NETWORK_MEMORY_FRACTION), TaskManagerOptions.NETWORK_MEMORY_MIN.key(),
                    TaskManagerOptions.NETWORK_MEMORY_MAX.key(), totalFlinkMemory.toHumanReadableString(), buffers,
                    segmentSize, requiredMinimum, TaskManagerOptions.NETWORK_MEMORY_FRACTION.key(),
                    TaskManagerOptions.NETWORK_MEMORY_MIN.key());
        }
        return (int) buffers;
    }
}
