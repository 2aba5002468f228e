package io.freshet.runtime.io.network.partition;

import java.io.IOException;

import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * The share of a {@link ResultPartition} meant for one consumer: an ordered sequence of finished buffers, ended by
 * an end-of-partition event once the producer called {@link #finish()}.
 *
 * <p>Ownership law: {@link #add(Buffer)} takes over the buffer's reference; the subpartition either hands it to
 * its reader, or recycles it (written to disk, released, or added after release). {@link #release(Throwable)}
 * recycles everything still held.
 */
public abstract class ResultSubpartition {

    protected final int index;
    protected final ResultPartition parent;

    protected ResultSubpartition(int index, ResultPartition parent) {
        this.index = index;
        this.parent = parent;
    }

    public int getSubPartitionIndex() {
        return index;
    }

    /** Appends a finished buffer (called by the producer's thread). */
    public abstract void add(Buffer buffer) throws IOException;

    /**
     * Puts a priority event (an unaligned checkpoint barrier) in front of the data buffers queued after the last
     * event (it never overtakes an event) and returns a copy of the bytes of the buffers it overtook, in order, or
     * null when it overtook none. Only pipelined subpartitions take checkpoints.
     */
    public byte[] addPriorityEvent(Buffer event) throws IOException {
        throw new UnsupportedOperationException(this + " does not take priority events");
    }

    /** Appends the end-of-partition event; nothing may be added afterwards. */
    public abstract void finish() throws IOException;

    /** Releases all buffers (and files); {@code cause} is non-null when the producer failed. Idempotent. */
    public abstract void release(Throwable cause);

    public abstract boolean isReleased();

    /**
     * A reader of this subpartition.
     *
     * @throws ProducerFailedException when the subpartition was released because its producer failed
     * @throws PartitionException when it cannot be read (released, already read, or not readable yet)
     */
    public abstract ResultSubpartitionView createReadView(BufferAvailabilityListener listener) throws IOException;

    /** Data buffers written and not yet read (by the current reader, if any). */
    public abstract int getBuffersInBacklog();

    @Override
    public String toString() {
        return "subpartition " + index + " of " + parent.getPartitionId();
    }
}
