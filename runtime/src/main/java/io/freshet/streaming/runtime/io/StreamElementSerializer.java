package io.freshet.streaming.runtime.io;

import java.io.IOException;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;
import io.freshet.streaming.api.watermark.Watermark;
import io.freshet.streaming.runtime.streamrecord.StreamElement;
import io.freshet.streaming.runtime.streamrecord.StreamRecord;

/**
 * The wire form of stream elements between tasks: a tag byte, then
 * <ul>
 *   <li>{@code 0}: a record without timestamp, then its value;</li>
 *   <li>{@code 1}: a record with timestamp, then the timestamp (8 bytes) and its value;</li>
 *   <li>{@code 2}: a watermark, then its timestamp (8 bytes);</li>
 *   <li>{@code 3}: a watermark status, then 1 for IDLE or 0 for ACTIVE.</li>
 * </ul>
 * Network use only: it is never part of state, so it has no snapshot.
 */
public final class StreamElementSerializer<T> extends TypeSerializer<StreamElement> {

    private static final long serialVersionUID = 1L;

    static final int TAG_RECORD = 0;
    static final int TAG_RECORD_WITH_TIMESTAMP = 1;
    static final int TAG_WATERMARK = 2;
    static final int TAG_WATERMARK_STATUS = 3;

    private final TypeSerializer<T> valueSerializer;

    public StreamElementSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    public TypeSerializer<T> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public StreamElementSerializer<T> duplicate() {
        TypeSerializer<T> duplicate = valueSerializer.duplicate();
        return duplicate == valueSerializer ? this : new StreamElementSerializer<>(duplicate);
    }

    @Override
    public StreamElement createInstance() {
        return new StreamRecord<>(valueSerializer.createInstance());
    }

    @Override
    public StreamElement copy(StreamElement from) {
        if (from.isRecord()) {
            StreamRecord<T> record = from.asRecord();
            return record.copy(valueSerializer.copy(record.getValue()));
        }
        return from;
    }

    @Override
    public StreamElement copy(StreamElement from, StreamElement reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(StreamElement element, DataOutputView target) throws IOException {
        if (element.isRecord()) {
            StreamRecord<T> record = element.asRecord();
            if (record.hasTimestamp()) {
                target.write(TAG_RECORD_WITH_TIMESTAMP);
                target.writeLong(record.getTimestamp());
            } else {
                target.write(TAG_RECORD);
            }
            valueSerializer.serialize(record.getValue(), target);
        } else if (element.isWatermark()) {
            target.write(TAG_WATERMARK);
            target.writeLong(element.asWatermark().getTimestamp());
        } else if (element.isWatermarkStatus()) {
            target.write(TAG_WATERMARK_STATUS);
            target.writeByte(element.asWatermarkStatus().isIdle() ? 1 : 0);
        } else {
            throw new IOException("Cannot serialize the stream element " + element);
        }
    }

    @Override
    public StreamElement deserialize(DataInputView source) throws IOException {
        int tag = source.readByte();
        switch (tag) {
            case TAG_RECORD:
                return new StreamRecord<>(valueSerializer.deserialize(source));
            case TAG_RECORD_WITH_TIMESTAMP: {
                long timestamp = source.readLong();
                return new StreamRecord<>(valueSerializer.deserialize(source), timestamp);
            }
            case TAG_WATERMARK:
                return new Watermark(source.readLong());
            case TAG_WATERMARK_STATUS:
                return source.readByte() == 1 ? io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE : io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE;
            default:
                throw new IOException("Corrupt stream: unknown stream element tag " + tag);
        }
    }

    /** Reads into {@code reuse} when the element is a record (the value is deserialized fresh). */
    @Override
    public StreamElement deserialize(StreamElement reuse, DataInputView source) throws IOException {
        int tag = source.readByte();
        switch (tag) {
            case TAG_RECORD: {
                StreamRecord<T> record = reuse.asRecord();
                record.eraseTimestamp();
                return record.replace(valueSerializer.deserialize(source));
            }
            case TAG_RECORD_WITH_TIMESTAMP: {
                long timestamp = source.readLong();
                StreamRecord<T> record = reuse.asRecord();
                return record.replace(valueSerializer.deserialize(source), timestamp);
            }
            case TAG_WATERMARK:
                return new Watermark(source.readLong());
            case TAG_WATERMARK_STATUS:
                return source.readByte() == 1 ? io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.IDLE : io.freshet.streaming.runtime.watermarkstatus.WatermarkStatus.ACTIVE;
            default:
                throw new IOException("Corrupt stream: unknown stream element tag " + tag);
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int tag = source.readByte();
        target.write(tag);
        if (tag == TAG_RECORD_WITH_TIMESTAMP || tag == TAG_WATERMARK) {
            target.writeLong(source.readLong());
        }
        if (tag == TAG_WATERMARK_STATUS) {
            target.writeByte(source.readByte());
        } else if (tag != TAG_WATERMARK) {
            valueSerializer.copy(source, target);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StreamElementSerializer
                && valueSerializer.equals(((StreamElementSerializer<?>) obj).valueSerializer);
    }

    @Override
    public int hashCode() {
        return valueSerializer.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<StreamElement> snapshotConfiguration() {
        throw new UnsupportedOperationException("Stream elements are never part of state; they have no snapshot.");
    }
}
