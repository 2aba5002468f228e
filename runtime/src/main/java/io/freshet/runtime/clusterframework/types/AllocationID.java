package io.freshet.runtime.clusterframework.types;

import io.freshet.runtime.util.HexIds;
import io.freshet.util.AbstractID;

/**
 * Identifies one allocation of a slot to a job: chosen by the JobMaster (or the ResourceManager) when it asks
 * for a slot, and kept by the TaskExecutor while the slot is given to that job. A slot freed and allocated again
 * gets a new allocation ID, so late messages about the old allocation are recognised and ignored.
 */
public class AllocationID extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random allocation ID. */
    public AllocationID() {}

    /** Creates the allocation ID with the given parts. */
    public AllocationID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }

    /**
     * Parses the text form of an allocation ID.
     *
     * @throws IllegalArgumentException if {@code hexString} is not exactly 32 hexadecimal digits
     */
    public static AllocationID fromHexString(String hexString) {
        long[] parts = HexIds.parse(hexString, "AllocationID");
        return new AllocationID(parts[1], parts[0]);
    }
}
