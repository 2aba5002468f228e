package io.freshet.runtime.io.network.partition.consumer;

import java.io.IOException;
import java.util.Optional;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.runtime.io.network.api.serialization.RecordDeserializer;
import io.freshet.runtime.io.network.api.serialization.SpanningRecordDeserializer;
import io.freshet.runtime.plugable.DeserializationDelegate;
import io.freshet.runtime.plugable.NonReusingDeserializationDelegate;
import io.freshet.runtime.plugable.ReusingDeserializationDelegate;

/**
 * Reads the records of an {@link InputGate}: one {@link SpanningRecordDeserializer} per channel, so that records
 * split across buffers are reassembled per channel whatever order the channels' buffers arrive in.
 *
 * <p>With object reuse, {@link #next()} returns the same instance every time (the caller must be done with a record
 * before asking for the next). Events other than end-of-partition are skipped. A channel ending in the middle of a
 * record is an {@link IOException}. Not thread-safe: the task thread reads. {@link #close()} recycles every buffer
 * held and closes the gate.
 *
 * @param <T> the record type
 */
public final class RecordReader<T> implements AutoCloseable {

    private final InputGate inputGate;
    private final RecordDeserializer<T>[] deserializers;
    private final DeserializationDelegate<T> delegate;
    private RecordDeserializer<T> current;

    @SuppressWarnings("unchecked")
    public RecordReader(InputGate inputGate, TypeSerializer<T> serializer, boolean objectReuse) {
        this.inputGate = inputGate;
        this.deserializers = new RecordDeserializer[inputGate.getNumberOfInputChannels()];
        for (int i = 0; i < deserializers.length; i++) {
            deserializers[i] = new SpanningRecordDeserializer<>();
        }
        this.delegate = objectReuse ? new ReusingDeserializationDelegate<>(serializer)
                : new NonReusingDeserializationDelegate<>(serializer);
    }

    /** The next record, waiting for one to arrive; null once every channel has ended. */
    public T next() throws IOException, InterruptedException {
        while (true) {
            if (current != null) {
                RecordDeserializer.DeserializationResult result = current.getNextRecord(delegate);
                if (result.isBufferConsumed()) {
                    current = null;
                }
                if (result.isFullRecord()) {
                    return delegate.getInstance();
                }
                continue;
            }
            Optional<BufferOrEvent> next = inputGate.getNext();
            if (next.isEmpty()) {
                return null;
            }
            BufferOrEvent bufferOrEvent = next.get();
            if (bufferOrEvent.isBuffer()) {
                current = deserializers[bufferOrEvent.getChannelIndex()];
                current.setNextBuffer(bufferOrEvent.getBuffer());
            } else if (deserializers[bufferOrEvent.getChannelIndex()].hasUnfinishedData()) {
                throw new IOException("Channel " + bufferOrEvent.getChannelIndex() + " sent "
                        + bufferOrEvent.getEvent() + " in the middle of a record");
            }
        }
    }

    @Override
    public void close() throws IOException {
        for (RecordDeserializer<T> deserializer : deserializers) {
            deserializer.clear();
        }
        current = null;
        inputGate.close();
    }
}
