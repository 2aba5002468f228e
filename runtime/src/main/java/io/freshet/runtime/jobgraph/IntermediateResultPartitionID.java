package io.freshet.runtime.jobgraph;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one partition of an intermediate result: the part of data set {@link #getIntermediateDataSetID()}
 * written by the producer subtask with index {@link #getPartitionNumber()}. Printed as {@code <data set id>#<n>}.
 */
public final class IntermediateResultPartitionID implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateDataSetID intermediateDataSetID;
    private final int partitionNumber;

    /** Creates a partition ID of a random data set, partition 0; for tests. */
    public IntermediateResultPartitionID() {
        this(new IntermediateDataSetID(), 0);
    }

    /**
     * @throws IllegalArgumentException if {@code partitionNumber} is negative
     */
    public IntermediateResultPartitionID(IntermediateDataSetID intermediateDataSetID, int partitionNumber) {
        if (partitionNumber < 0) {
            throw new IllegalArgumentException("A partition number is never negative, got " + partitionNumber);
        }
        this.intermediateDataSetID = Objects.requireNonNull(intermediateDataSetID, "intermediateDataSetID");
        this.partitionNumber = partitionNumber;
    }

    public IntermediateDataSetID getIntermediateDataSetID() {
        return intermediateDataSetID;
    }

    public int getPartitionNumber() {
        return partitionNumber;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof IntermediateResultPartitionID)) {
            return false;
        }
        IntermediateResultPartitionID other = (IntermediateResultPartitionID) obj;
        return partitionNumber == other.partitionNumber && intermediateDataSetID.equals(other.intermediateDataSetID);
    }

    @Override
    public int hashCode() {
        return 31 * intermediateDataSetID.hashCode() + partitionNumber;
    }

    @Override
    public String toString() {
        return intermediateDataSetID + "#" + partitionNumber;
    }
}
