package io.freshet.runtime.io.network.api.writer;

import java.io.IOException;

import io.freshet.runtime.io.network.buffer.Buffer;

/**
 * Where a {@link RecordWriter} puts finished buffers: one subpartition (channel) per consumer. Buffers of a
 * channel arrive in order and must reach the consumer in that order.
 *
 * <p>Ownership law: {@link #emitBuffer} takes over the buffer's reference; the writer (or its consumer) recycles it
 * once read. Implementations are called by the producing task thread only.
 */
public interface ResultPartitionWriter {

    int getNumberOfSubpartitions();

    /** Appends a finished data or event buffer to {@code subpartition}. */
    void emitBuffer(int subpartition, Buffer buffer) throws IOException;
}
