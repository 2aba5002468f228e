package io.freshet.runtime.taskexecutor.slot;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.taskmanager.Task;

/** One allocated slot of a {@link TaskSlotTable}: its job, allocation, state and tasks. Main thread only. */
public final class TaskSlot {

    private final int index;
    private final JobID jobId;
    private final AllocationID allocationId;
    private final Map<ExecutionAttemptID, Task> tasks = new LinkedHashMap<>();
    private TaskSlotState state = TaskSlotState.ALLOCATED;
    /** Identifies the pending slot timeout; null while none is pending (the slot is active). */
    private Object timeoutTicket;

    TaskSlot(int index, JobID jobId, AllocationID allocationId) {
        this.index = index;
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.allocationId = Objects.requireNonNull(allocationId, "allocationId");
    }

    public int getIndex() {
        return index;
    }

    public JobID getJobId() {
        return jobId;
    }

    public AllocationID getAllocationId() {
        return allocationId;
    }

    public TaskSlotState getState() {
        return state;
    }

    public boolean isActive() {
        return state == TaskSlotState.ACTIVE;
    }

    public Collection<Task> getTasks() {
        return Collections.unmodifiableCollection(tasks.values());
    }

    public boolean isEmpty() {
        return tasks.isEmpty();
    }

    void setState(TaskSlotState state) {
        this.state = state;
    }

    Map<ExecutionAttemptID, Task> tasks() {
        return tasks;
    }

    Object getTimeoutTicket() {
        return timeoutTicket;
    }

    void setTimeoutTicket(Object timeoutTicket) {
        this.timeoutTicket = timeoutTicket;
    }

    @Override
    public String toString() {
        return "TaskSlot(" + index + ", " + allocationId + ", job " + jobId + ", " + state + ", " + tasks.size()
                + " tasks)";
    }
}
