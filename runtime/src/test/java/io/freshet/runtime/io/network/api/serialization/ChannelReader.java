package io.freshet.runtime.io.network.api.serialization;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.runtime.io.network.buffer.Buffer;
import io.freshet.runtime.plugable.DeserializationDelegate;
import io.freshet.runtime.plugable.NonReusingDeserializationDelegate;
import io.freshet.runtime.plugable.ReusingDeserializationDelegate;

/**
 * The consuming end of one channel in tests: takes buffers as they are emitted, reads every complete record (and
 * every event) at once, so buffers are recycled as early as a real consumer would recycle them.
 */
public final class ChannelReader<T> {

    private final SpanningRecordDeserializer<T> deserializer = new SpanningRecordDeserializer<>();
    private final DeserializationDelegate<T> delegate;
    private final Function<T, Object> copy;
    private final List<Object> received = new ArrayList<>();
    private int buffersReceived;

    /** @param copy turns a (possibly reused) record into a value to keep */
    public ChannelReader(TypeSerializer<T> serializer, boolean reuse, Function<T, Object> copy) {
        this.delegate = reuse ? new ReusingDeserializationDelegate<>(serializer)
                : new NonReusingDeserializationDelegate<>(serializer);
        this.copy = copy;
    }

    public void accept(Buffer buffer) throws IOException {
        buffersReceived++;
        if (!buffer.isBuffer()) {
            if (deserializer.hasUnfinishedData()) {
                throw new AssertionError("an event arrived in the middle of a record");
            }
            received.add(EventSerializer.fromBuffer(buffer));
            buffer.recycleBuffer();
            return;
        }
        deserializer.setNextBuffer(buffer);
        while (true) {
            RecordDeserializer.DeserializationResult result = deserializer.getNextRecord(delegate);
            if (result.isFullRecord()) {
                received.add(copy.apply(delegate.getInstance()));
            }
            if (result.isBufferConsumed()) {
                return;
            }
        }
    }

    public List<Object> getReceived() {
        return received;
    }

    public int getBuffersReceived() {
        return buffersReceived;
    }

    public byte[] copyUnfinishedRecord() {
        return deserializer.copyUnfinishedRecord();
    }

    public boolean hasUnfinishedData() {
        return deserializer.hasUnfinishedData();
    }
}
