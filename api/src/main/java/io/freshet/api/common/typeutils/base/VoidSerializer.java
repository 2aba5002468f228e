package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link Void}, whose only value is null, as one zero byte: a record must occupy at least one byte so
 * that readers can count records in a buffer.
 */
public final class VoidSerializer extends TypeSerializerSingleton<Void> {

    private static final long serialVersionUID = 1L;

    public static final VoidSerializer INSTANCE = new VoidSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Void createInstance() {
        return null;
    }

    @Override
    public Void copy(Void from) {
        return null;
    }

    @Override
    public Void copy(Void from, Void reuse) {
        return null;
    }

    @Override
    public int getLength() {
        return 1;
    }

    @Override
    public void serialize(Void record, DataOutputView target) throws IOException {
        target.writeByte(0);
    }

    @Override
    public Void deserialize(DataInputView source) throws IOException {
        source.readByte();
        return null;
    }

    @Override
    public Void deserialize(Void reuse, DataInputView source) throws IOException {
        source.readByte();
        return null;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeByte(source.readByte());
    }

    @Override
    public TypeSerializerSnapshot<Void> snapshotConfiguration() {
        return new VoidSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link VoidSerializer}. */
    public static final class VoidSerializerSnapshot extends SimpleTypeSerializerSnapshot<Void> {

        public VoidSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
