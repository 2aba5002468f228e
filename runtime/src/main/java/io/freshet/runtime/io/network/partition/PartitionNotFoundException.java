package io.freshet.runtime.io.network.partition;

/**
 * A consumer asked a TaskExecutor for a partition it does not hold: never registered there (wrong location, or the
 * producer has not been deployed yet) or already released (consumed, failed, or its job ended).
 */
public final class PartitionNotFoundException extends PartitionException {

    private static final long serialVersionUID = 1L;

    public PartitionNotFoundException(ResultPartitionID partitionId) {
        this(partitionId, "this TaskExecutor");
    }

    public PartitionNotFoundException(ResultPartitionID partitionId, String where) {
        super("Partition " + partitionId + " not found on " + where + ": it was never registered there, or it has"
                + " been released already (consumed, failed, or its job ended).", partitionId);
    }
}
