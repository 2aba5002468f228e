package io.freshet.runtime.io.network.partition;

import java.io.IOException;

/** A failure to produce or read one result partition; the message names the partition (and where it lives). */
public class PartitionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;

    public PartitionException(String message, ResultPartitionID partitionId) {
        super(message);
        this.partitionId = partitionId;
    }

    public PartitionException(String message, ResultPartitionID partitionId, Throwable cause) {
        super(message, cause);
        this.partitionId = partitionId;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }
}
