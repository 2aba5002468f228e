package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Serializes non-null {@link Boolean} values as 1 big-endian byte. */
public final class BooleanSerializer extends TypeSerializerSingleton<Boolean> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 1;

    public static final BooleanSerializer INSTANCE = new BooleanSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Boolean createInstance() {
        return Boolean.FALSE;
    }

    @Override
    public Boolean copy(Boolean from) {
        return from;
    }

    @Override
    public Boolean copy(Boolean from, Boolean reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Boolean record, DataOutputView target) throws IOException {
        target.writeBoolean(record);
    }

    @Override
    public Boolean deserialize(DataInputView source) throws IOException {
        return source.readBoolean();
    }

    @Override
    public Boolean deserialize(Boolean reuse, DataInputView source) throws IOException {
        return source.readBoolean();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeByte(source.readByte());
    }

    @Override
    public TypeSerializerSnapshot<Boolean> snapshotConfiguration() {
        return new BooleanSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link BooleanSerializer}. */
    public static final class BooleanSerializerSnapshot extends SimpleTypeSerializerSnapshot<Boolean> {

        public BooleanSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
