package io.freshet.runtime.jobmaster;

import java.util.Objects;

import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * The slot one subtask runs in: a physical slot of a TaskExecutor (named by its allocation), possibly shared
 * with subtasks of other vertices of the same slot sharing group, plus where that TaskExecutor serves data.
 */
public final class LogicalSlot {

    private final AllocationID allocationId;
    private final ResourceID taskManagerId;
    private final String dataHost;
    private final int dataPort;
    private final TaskManagerGateway gateway;

    public LogicalSlot(AllocationID allocationId, ResourceID taskManagerId, String dataHost, int dataPort,
            TaskManagerGateway gateway) {
        this.allocationId = Objects.requireNonNull(allocationId, "allocationId");
        this.taskManagerId = Objects.requireNonNull(taskManagerId, "taskManagerId");
        this.dataHost = Objects.requireNonNull(dataHost, "dataHost");
        this.dataPort = dataPort;
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    public AllocationID getAllocationId() {
        return allocationId;
    }

    public ResourceID getTaskManagerId() {
        return taskManagerId;
    }

    public String getDataHost() {
        return dataHost;
    }

    public int getDataPort() {
        return dataPort;
    }

    public TaskManagerGateway getTaskManagerGateway() {
        return gateway;
    }

    @Override
    public String toString() {
        return "LogicalSlot(" + allocationId + " on " + taskManagerId + ")";
    }
}
