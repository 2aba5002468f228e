package io.freshet.runtime.taskexecutor;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * What a TaskExecutor tells the ResourceManager (and JobMasters) about itself when it registers: its RPC address,
 * where its shuffle server listens, and its resources.
 */
public final class TaskExecutorRegistration implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ResourceID resourceId;
    private final String rpcAddress;
    private final String dataHost;
    private final int dataPort;
    private final int numberOfSlots;
    private final int cpuCores;
    private final long physicalMemoryBytes;
    private final long freeHeapBytes;
    private final long managedMemoryBytes;

    public TaskExecutorRegistration(ResourceID resourceId, String rpcAddress, String dataHost, int dataPort,
            int numberOfSlots, int cpuCores, long physicalMemoryBytes, long freeHeapBytes, long managedMemoryBytes) {
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.rpcAddress = Objects.requireNonNull(rpcAddress, "rpcAddress");
        this.dataHost = Objects.requireNonNull(dataHost, "dataHost");
        this.dataPort = dataPort;
        this.numberOfSlots = numberOfSlots;
        this.cpuCores = cpuCores;
        this.physicalMemoryBytes = physicalMemoryBytes;
        this.freeHeapBytes = freeHeapBytes;
        this.managedMemoryBytes = managedMemoryBytes;
    }

    public ResourceID getResourceId() {
        return resourceId;
    }

    public String getRpcAddress() {
        return rpcAddress;
    }

    public String getDataHost() {
        return dataHost;
    }

    /** The port of the TaskExecutor's shuffle server (the {@code dataPort} of the REST API). */
    public int getDataPort() {
        return dataPort;
    }

    public int getNumberOfSlots() {
        return numberOfSlots;
    }

    public int getCpuCores() {
        return cpuCores;
    }

    public long getPhysicalMemoryBytes() {
        return physicalMemoryBytes;
    }

    public long getFreeHeapBytes() {
        return freeHeapBytes;
    }

    public long getManagedMemoryBytes() {
        return managedMemoryBytes;
    }

    @Override
    public String toString() {
        return "TaskExecutor " + resourceId + " at " + rpcAddress + " (data " + dataHost + ":" + dataPort + ", "
                + numberOfSlots + " slots)";
    }
}
