package io.freshet.runtime.taskexecutor.slot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.SlotStatus;
import io.freshet.runtime.taskmanager.Task;

/**
 * The slots of a TaskExecutor ({@code taskmanager.numberOfTaskSlots}) and the tasks running in them.
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>A slot is free or allocated to exactly one (job, allocation id); an allocation id names at most one slot.
 *       Allocating an allocated slot again under the same allocation is a no-op; under another one it fails.</li>
 *   <li>An allocated slot is ALLOCATED (offered, waiting for its JobMaster; it carries a <em>timeout ticket</em>
 *       and is freed when that ticket's timeout fires), ACTIVE (accepted or in use; no timeout), or RELEASING
 *       (freed while tasks still ran; it becomes free when the last task is removed).</li>
 *   <li>Tasks are added only to ACTIVE slots of their own job and allocation; a task id is unique in the table.</li>
 *   <li>Not thread-safe: the TaskExecutor uses it on its main thread only.</li>
 * </ul>
 */
public final class TaskSlotTable {

    private final ResourceID resourceId;
    private final TaskSlot[] slots;
    private final Map<AllocationID, TaskSlot> slotsByAllocation = new HashMap<>();
    private final Map<ExecutionAttemptID, TaskSlot> slotsByTask = new HashMap<>();

    public TaskSlotTable(ResourceID resourceId, int numberOfSlots) {
        if (numberOfSlots < 1) {
            throw new IllegalArgumentException("A TaskExecutor needs at least one slot "
                    + "('taskmanager.numberOfTaskSlots'), but has " + numberOfSlots + ".");
        }
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.slots = new TaskSlot[numberOfSlots];
    }

    public int getNumberOfSlots() {
        return slots.length;
    }

    /** The state of every slot, in slot order. */
    public SlotReport createSlotReport() {
        List<SlotStatus> statuses = new ArrayList<>(slots.length);
        for (int i = 0; i < slots.length; i++) {
            SlotID slotId = new SlotID(resourceId, i);
            TaskSlot slot = slots[i];
            statuses.add(slot == null ? new SlotStatus(slotId)
                    : new SlotStatus(slotId, slot.getAllocationId(), slot.getJobId()));
        }
        return new SlotReport(statuses);
    }

    // ---- allocation ----

    /**
     * Allocates slot {@code index} to {@code jobId} under {@code allocationId}, in state ALLOCATED with the given
     * timeout ticket.
     *
     * @return true if the slot was newly allocated, false if it already was allocated under this allocation
     * @throws SlotNotFoundException if the index is out of range, the slot belongs to another allocation, or the
     *     allocation already names another slot
     */
    public boolean allocateSlot(int index, JobID jobId, AllocationID allocationId, Object timeoutTicket)
            throws SlotNotFoundException {
        if (index < 0 || index >= slots.length) {
            throw new SlotNotFoundException("There is no slot " + index + " on TaskExecutor " + resourceId + "; it has "
                    + slots.length + " slots.");
        }
        TaskSlot existing = slots[index];
        if (existing != null) {
            if (existing.getAllocationId().equals(allocationId) && existing.getJobId().equals(jobId)) {
                return false;
            }
            throw new SlotNotFoundException("Slot " + index + " of TaskExecutor " + resourceId + " is already allocated"
                    + " to job " + existing.getJobId() + " under " + existing.getAllocationId() + "; cannot allocate"
                    + " it to job " + jobId + " under " + allocationId + ".");
        }
        TaskSlot other = slotsByAllocation.get(allocationId);
        if (other != null) {
            throw new SlotNotFoundException("Allocation " + allocationId + " already holds slot " + other.getIndex()
                    + " of TaskExecutor " + resourceId + "; cannot give it slot " + index + " too.");
        }
        TaskSlot slot = new TaskSlot(index, jobId, allocationId);
        slot.setTimeoutTicket(timeoutTicket);
        slots[index] = slot;
        slotsByAllocation.put(allocationId, slot);
        return true;
    }

    /** Marks the slot ACTIVE (cancels its timeout); false if there is no such ALLOCATED or ACTIVE slot. */
    public boolean markSlotActive(AllocationID allocationId) {
        TaskSlot slot = slotsByAllocation.get(allocationId);
        if (slot == null || slot.getState() == TaskSlotState.RELEASING) {
            return false;
        }
        slot.setState(TaskSlotState.ACTIVE);
        slot.setTimeoutTicket(null);
        return true;
    }

    /** Marks the slot of {@code jobId} ACTIVE; false unless that allocation is a slot of that job. */
    public boolean tryMarkSlotActive(JobID jobId, AllocationID allocationId) {
        TaskSlot slot = slotsByAllocation.get(allocationId);
        return slot != null && slot.getJobId().equals(jobId) && markSlotActive(allocationId);
    }

    /** Marks an ACTIVE slot ALLOCATED again with a new timeout ticket; false if there is no such slot. */
    public boolean markSlotInactive(AllocationID allocationId, Object timeoutTicket) {
        TaskSlot slot = slotsByAllocation.get(allocationId);
        if (slot == null || slot.getState() != TaskSlotState.ACTIVE) {
            return false;
        }
        slot.setState(TaskSlotState.ALLOCATED);
        slot.setTimeoutTicket(timeoutTicket);
        return true;
    }

    /** Whether the slot's pending timeout is the one with {@code ticket} (a later activation cancels it). */
    public boolean isValidTimeout(AllocationID allocationId, Object ticket) {
        TaskSlot slot = slotsByAllocation.get(allocationId);
        return slot != null && slot.getState() == TaskSlotState.ALLOCATED && slot.getTimeoutTicket() == ticket;
    }

    /**
     * Frees the slot of {@code allocationId}. An empty slot is free at once; a slot with tasks becomes RELEASING,
     * and the caller fails its tasks; the slot is free once the last of them is {@linkplain #removeTask removed}.
     *
     * @return the slot (in its state after the call), or empty if no slot has this allocation
     */
    public Optional<TaskSlot> freeSlot(AllocationID allocationId) {
        TaskSlot slot = slotsByAllocation.get(allocationId);
        if (slot == null) {
            return Optional.empty();
        }
        if (slot.isEmpty()) {
            slots[slot.getIndex()] = null;
            slotsByAllocation.remove(allocationId);
        } else {
            slot.setState(TaskSlotState.RELEASING);
            slot.setTimeoutTicket(null);
        }
        return Optional.of(slot);
    }

    public boolean isFree(int index) {
        return slots[index] == null;
    }

    public Optional<TaskSlot> getTaskSlot(AllocationID allocationId) {
        return Optional.ofNullable(slotsByAllocation.get(allocationId));
    }

    /** The allocations of {@code jobId}, in slot order. */
    public List<AllocationID> getAllocationIdsPerJob(JobID jobId) {
        List<AllocationID> result = new ArrayList<>();
        for (TaskSlot slot : slots) {
            if (slot != null && slot.getJobId().equals(jobId)) {
                result.add(slot.getAllocationId());
            }
        }
        return result;
    }

    /** The ALLOCATED (not yet accepted) slots of {@code jobId}, in slot order. */
    public List<TaskSlot> getAllocatedSlots(JobID jobId) {
        List<TaskSlot> result = new ArrayList<>();
        for (TaskSlot slot : slots) {
            if (slot != null && slot.getJobId().equals(jobId) && slot.getState() == TaskSlotState.ALLOCATED) {
                result.add(slot);
            }
        }
        return result;
    }

    // ---- tasks ----

    /**
     * Adds {@code task} to its slot.
     *
     * @throws SlotNotFoundException if the task's allocation is not an ACTIVE slot of its job, or the attempt runs
     *     here already
     */
    public void addTask(Task task) throws SlotNotFoundException {
        TaskSlot slot = slotsByAllocation.get(task.getAllocationId());
        if (slot == null || !slot.getJobId().equals(task.getJobID())) {
            throw new SlotNotFoundException("No task slot is allocated to job " + task.getJobID() + " under "
                    + task.getAllocationId() + " on TaskExecutor " + resourceId + ".");
        }
        if (!slot.isActive()) {
            throw new SlotNotFoundException("The slot of allocation " + task.getAllocationId() + " on TaskExecutor "
                    + resourceId + " is " + slot.getState() + ", not ACTIVE; it accepts no tasks.");
        }
        if (slotsByTask.containsKey(task.getExecutionId())) {
            throw new SlotNotFoundException("The attempt " + task.getExecutionId() + " already runs on TaskExecutor "
                    + resourceId + ".");
        }
        slot.tasks().put(task.getExecutionId(), task);
        slotsByTask.put(task.getExecutionId(), slot);
    }

    /**
     * Removes an ended task. If its slot was RELEASING and is now empty, the slot is freed.
     *
     * @return the removed task, or empty if it is not in the table
     */
    public Optional<Task> removeTask(ExecutionAttemptID executionId) {
        TaskSlot slot = slotsByTask.remove(executionId);
        if (slot == null) {
            return Optional.empty();
        }
        Task task = slot.tasks().remove(executionId);
        if (slot.getState() == TaskSlotState.RELEASING && slot.isEmpty()) {
            slots[slot.getIndex()] = null;
            slotsByAllocation.remove(slot.getAllocationId());
        }
        return Optional.ofNullable(task);
    }

    public Optional<Task> getTask(ExecutionAttemptID executionId) {
        TaskSlot slot = slotsByTask.get(executionId);
        return slot == null ? Optional.empty() : Optional.ofNullable(slot.tasks().get(executionId));
    }

    /** The tasks of {@code jobId}. */
    public List<Task> getTasks(JobID jobId) {
        List<Task> result = new ArrayList<>();
        for (TaskSlot slot : slots) {
            if (slot != null && slot.getJobId().equals(jobId)) {
                result.addAll(slot.getTasks());
            }
        }
        return result;
    }

    /** Every task in the table. */
    public Collection<Task> getAllTasks() {
        List<Task> result = new ArrayList<>();
        for (TaskSlot slot : slots) {
            if (slot != null) {
                result.addAll(slot.getTasks());
            }
        }
        return result;
    }
}
