package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.time.Instant;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link Instant} values, null included, in 12 bytes: the epoch seconds (a long) and the nanosecond
 * adjustment (an int). Null is written as {@link Long#MIN_VALUE} seconds, which lies outside the range of
 * {@link Instant} and so is never a real value.
 */
public final class InstantSerializer extends TypeSerializerSingleton<Instant> {

    private static final long serialVersionUID = 1L;

    static final int SECONDS_BYTES = Long.BYTES;
    static final int NANOS_BYTES = Integer.BYTES;

    private static final long NULL_SECONDS = Long.MIN_VALUE;

    public static final InstantSerializer INSTANCE = new InstantSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Instant createInstance() {
        return Instant.EPOCH;
    }

    @Override
    public Instant copy(Instant from) {
        return from;
    }

    @Override
    public Instant copy(Instant from, Instant reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return SECONDS_BYTES + NANOS_BYTES;
    }

    @Override
    public void serialize(Instant record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeLong(NULL_SECONDS);
            target.writeInt(0);
        } else {
            target.writeLong(record.getEpochSecond());
            target.writeInt(record.getNano());
        }
    }

    @Override
    public Instant deserialize(DataInputView source) throws IOException {
        long seconds = source.readLong();
        int nanos = source.readInt();
        if (seconds == NULL_SECONDS) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new IOException("corrupt input for InstantSerializer: " + seconds + "s " + nanos + "ns", e);
        }
    }

    @Override
    public Instant deserialize(Instant reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeLong(source.readLong());
        target.writeInt(source.readInt());
    }

    @Override
    public TypeSerializerSnapshot<Instant> snapshotConfiguration() {
        return new InstantSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link InstantSerializer}. */
    public static final class InstantSerializerSnapshot extends SimpleTypeSerializerSnapshot<Instant> {

        public InstantSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
