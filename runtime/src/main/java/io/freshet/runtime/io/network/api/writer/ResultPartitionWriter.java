package io.freshet.runtime.io.network.api.writer;

import java.io.IOException;

import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * Where a {@link RecordWriter} puts finished buffers: one subpartition (channel) per consumer. Buffers of a
 * channel arrive in order and must reach the consumer in that order.
 *
 * <p>Ownership law: {@link #emitBuffer} takes over the buffer's reference; the writer (or its consumer) recycles it
 * once read. Implementations are called by the producing task thread only.
 *
 * <p>Lifecycle law (kept by the {@code Task} that owns the writer): after the invokable returned normally the task
 * calls {@link #finish()} (the partition is complete: consumers see the end of partition); if it failed or was
 * cancelled, {@link #fail(Throwable)} instead (consumers see the error); and in every case {@link #close()} last,
 * which releases what the writer holds for the producer (not the data a BLOCKING partition keeps for consumers).
 */
public interface ResultPartitionWriter extends AutoCloseable {

    int getNumberOfSubpartitions();

    /** Appends a finished data or event buffer to {@code subpartition}. */
    void emitBuffer(int subpartition, Buffer buffer) throws IOException;

    /**
     * Puts a priority event in front of the unsent data buffers of {@code subpartition} and returns a copy of the
     * bytes it overtook (null: none). A writer without priority support appends the event like any other.
     */
    default byte[] emitPriorityEvent(int subpartition, Buffer event) throws IOException {
        emitBuffer(subpartition, event);
        return null;
    }

    /** The producer has written everything: ends every subpartition. Called once, after a successful invoke. */
    default void finish() throws IOException {}

    /** The producer failed or was cancelled: consumers of this partition fail with {@code cause}. */
    default void fail(Throwable cause) {}

    /** Total time the producer waited for a free buffer because consumers were slow, in nanoseconds. */
    default long getBackPressuredTimeNanos() {
        return 0;
    }

    /** Releases the producer's side of the writer; called last, in every outcome. */
    @Override
    default void close() throws Exception {}
}
