package io.freshet.runtime.io.network.partition;

/**
 * How the data of an intermediate result is exchanged between producer and consumer tasks.
 *
 * <ul>
 *   <li>{@link #PIPELINED}: records flow to consumers while the producer runs; producer and consumers must run
 *       at the same time, so they belong to one pipelined region. Its buffer pool may grow.
 *   <li>{@link #PIPELINED_BOUNDED}: as PIPELINED, with a bounded buffer pool, so that a slow consumer
 *       backpressures the producer instead of letting data pile up (the streaming default).
 *   <li>{@link #BLOCKING}: the producer writes its whole output (spilling to local disk) and consumers read it
 *       after the producer finished; producer and consumer may run one after another, in different regions.
 * </ul>
 */
public enum ResultPartitionType {
    BLOCKING(true, true),
    PIPELINED(false, false),
    PIPELINED_BOUNDED(false, true);

    private final boolean blocking;
    private final boolean bounded;

    ResultPartitionType(boolean blocking, boolean bounded) {
        this.blocking = blocking;
        this.bounded = bounded;
    }

    /** Returns whether consumers read this partition only after its producer finished. */
    public boolean isBlocking() {
        return blocking;
    }

    /** Returns whether producer and consumers exchange data while both run (the opposite of blocking). */
    public boolean isPipelined() {
        return !blocking;
    }

    /** Returns whether the producer writes through a limited number of network buffers. */
    public boolean isBounded() {
        return bounded;
    }

    /** Returns whether producer and consumers must be scheduled together; Flink's name for {@link #isPipelined}. */
    public boolean mustBePipelinedConsumed() {
        return !blocking;
    }
}
