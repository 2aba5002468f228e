package io.freshet.runtime.clusterframework.types;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one slot of one TaskExecutor: the TaskExecutor's resource ID and the slot's number in {@code [0,
 * taskmanager.numberOfTaskSlots)}. Printed as {@code <resource id>_<slot number>}.
 */
public final class SlotID implements ResourceIDRetrievable, Serializable {

    private static final long serialVersionUID = 1L;

    private final ResourceID resourceId;
    private final int slotNumber;

    /**
     * @throws IllegalArgumentException if {@code slotNumber} is negative
     */
    public SlotID(ResourceID resourceId, int slotNumber) {
        if (slotNumber < 0) {
            throw new IllegalArgumentException("A slot number is never negative, got " + slotNumber);
        }
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.slotNumber = slotNumber;
    }

    @Override
    public ResourceID getResourceID() {
        return resourceId;
    }

    public int getSlotNumber() {
        return slotNumber;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof SlotID)) {
            return false;
        }
        SlotID other = (SlotID) obj;
        return slotNumber == other.slotNumber && resourceId.equals(other.resourceId);
    }

    @Override
    public int hashCode() {
        return 31 * resourceId.hashCode() + slotNumber;
    }

    @Override
    public String toString() {
        return resourceId + "_" + slotNumber;
    }
}
