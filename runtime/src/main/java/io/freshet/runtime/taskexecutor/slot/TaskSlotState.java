package io.freshet.runtime.taskexecutor.slot;

/** The state of an allocated {@link TaskSlot}. */
public enum TaskSlotState {
    /** Allocated to a job, not yet accepted by its JobMaster: times out after {@code taskmanager.slot.timeout}. */
    ALLOCATED,
    /** Accepted by the JobMaster (or used by a task): tasks may run here. */
    ACTIVE,
    /** Being freed: its tasks are failing; the slot becomes free when the last one has ended. */
    RELEASING
}
