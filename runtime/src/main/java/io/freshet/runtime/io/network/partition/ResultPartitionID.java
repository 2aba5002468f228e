package io.freshet.runtime.io.network.partition;

import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.jobgraph.IntermediateResultPartitionID;
import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one result partition at runtime: which partition ({@link #getPartitionId()}) written by which
 * attempt of its producer ({@link #getProducerId()}). A restarted producer writes a new partition with a new ID,
 * so consumers never read a half-written partition of a failed attempt. Printed as {@code <partition>@<attempt>}.
 */
public final class ResultPartitionID implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateResultPartitionID partitionId;
    private final ExecutionAttemptID producerId;

    /** Creates an ID of a random partition and producer; for tests. */
    public ResultPartitionID() {
        this(new IntermediateResultPartitionID(), ExecutionAttemptID.randomId());
    }

    public ResultPartitionID(IntermediateResultPartitionID partitionId, ExecutionAttemptID producerId) {
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.producerId = Objects.requireNonNull(producerId, "producerId");
    }

    public IntermediateResultPartitionID getPartitionId() {
        return partitionId;
    }

    public ExecutionAttemptID getProducerId() {
        return producerId;
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof ResultPartitionID)) {
            return false;
        }
        ResultPartitionID other = (ResultPartitionID) obj;
        return partitionId.equals(other.partitionId) && producerId.equals(other.producerId);
    }

    @Override
    public int hashCode() {
        return 31 * partitionId.hashCode() + producerId.hashCode();
    }

    @Override
    public String toString() {
        return partitionId + "@" + producerId;
    }
}
