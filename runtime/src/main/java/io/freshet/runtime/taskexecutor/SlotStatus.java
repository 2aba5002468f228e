package io.freshet.runtime.taskexecutor;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.SlotID;

/** The state of one slot as its TaskExecutor reports it: free, or allocated to a job under an allocation id. */
public final class SlotStatus implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlotID slotId;
    private final AllocationID allocationId;
    private final JobID jobId;

    /** A free slot. */
    public SlotStatus(SlotID slotId) {
        this(slotId, null, null);
    }

    public SlotStatus(SlotID slotId, AllocationID allocationId, JobID jobId) {
        this.slotId = Objects.requireNonNull(slotId, "slotId");
        if ((allocationId == null) != (jobId == null)) {
            throw new IllegalArgumentException("an allocated slot has both an allocation id and a job id");
        }
        this.allocationId = allocationId;
        this.jobId = jobId;
    }

    public SlotID getSlotID() {
        return slotId;
    }

    /** The allocation, or null when the slot is free. */
    public AllocationID getAllocationID() {
        return allocationId;
    }

    /** The job the slot is allocated to, or null when the slot is free. */
    public JobID getJobID() {
        return jobId;
    }

    public boolean isFree() {
        return allocationId == null;
    }

    @Override
    public String toString() {
        return slotId + (isFree() ? " free" : " allocated to " + jobId + " (" + allocationId + ")");
    }
}
