package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Serializes non-null {@link Byte} values as 1 big-endian byte. */
public final class ByteSerializer extends TypeSerializerSingleton<Byte> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 1;

    public static final ByteSerializer INSTANCE = new ByteSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Byte createInstance() {
        return Byte.valueOf((byte) 0);
    }

    @Override
    public Byte copy(Byte from) {
        return from;
    }

    @Override
    public Byte copy(Byte from, Byte reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Byte record, DataOutputView target) throws IOException {
        target.writeByte(record);
    }

    @Override
    public Byte deserialize(DataInputView source) throws IOException {
        return source.readByte();
    }

    @Override
    public Byte deserialize(Byte reuse, DataInputView source) throws IOException {
        return source.readByte();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeByte(source.readByte());
    }

    @Override
    public TypeSerializerSnapshot<Byte> snapshotConfiguration() {
        return new ByteSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link ByteSerializer}. */
    public static final class ByteSerializerSnapshot extends SimpleTypeSerializerSnapshot<Byte> {

        public ByteSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
