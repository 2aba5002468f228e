package io.freshet.runtime.taskexecutor.slot;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.clusterframework.types.AllocationID;

/** A slot a TaskExecutor offers to a JobMaster, under the allocation id the ResourceManager chose for it. */
public final class SlotOffer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AllocationID allocationId;
    private final int slotIndex;

    public SlotOffer(AllocationID allocationId, int slotIndex) {
        this.allocationId = Objects.requireNonNull(allocationId, "allocationId");
        this.slotIndex = slotIndex;
    }

    public AllocationID getAllocationId() {
        return allocationId;
    }

    public int getSlotIndex() {
        return slotIndex;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SlotOffer && ((SlotOffer) obj).allocationId.equals(allocationId)
                && ((SlotOffer) obj).slotIndex == slotIndex;
    }

    @Override
    public int hashCode() {
        return allocationId.hashCode();
    }

    @Override
    public String toString() {
        return "SlotOffer(" + allocationId + ", slot " + slotIndex + ")";
    }
}
