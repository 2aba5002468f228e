package io.freshet.runtime.io.network.partition;

import io.freshet.runtime.execution.CancelTaskException;

/**
 * A consumer's input partition was released because its producer failed or was cancelled.
 *
 * <p>The consumer did nothing wrong: the producer reports its own failure, and the JobMaster restarts the region
 * they share (or fails the job). So this is a {@link CancelTaskException}: the consumer ends CANCELED, and its
 * reaction neither becomes the job's root cause nor counts as a failure of its own for the restart strategy.
 */
public final class ProducerFailedException extends CancelTaskException {

    private static final long serialVersionUID = 1L;

    /** The producer failed on this TaskExecutor with {@code cause}. */
    public ProducerFailedException(ResultPartitionID partitionId, Throwable cause) {
        super("The producer of partition " + partitionId + " failed or was cancelled: " + cause, cause);
    }

    /** The producer failed on another TaskExecutor, which described the failure as {@code producerFailure}. */
    public ProducerFailedException(ResultPartitionID partitionId, String producerFailure) {
        super("The producer of partition " + partitionId + " failed or was cancelled: " + producerFailure);
    }
}
