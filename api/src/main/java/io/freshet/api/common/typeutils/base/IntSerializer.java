package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Serializes non-null {@link Integer} values as 4 big-endian bytes. */
public final class IntSerializer extends TypeSerializerSingleton<Integer> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 4;

    public static final IntSerializer INSTANCE = new IntSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Integer createInstance() {
        return Integer.valueOf(0);
    }

    @Override
    public Integer copy(Integer from) {
        return from;
    }

    @Override
    public Integer copy(Integer from, Integer reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Integer record, DataOutputView target) throws IOException {
        target.writeInt(record);
    }

    @Override
    public Integer deserialize(DataInputView source) throws IOException {
        return source.readInt();
    }

    @Override
    public Integer deserialize(Integer reuse, DataInputView source) throws IOException {
        return source.readInt();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeInt(source.readInt());
    }

    @Override
    public TypeSerializerSnapshot<Integer> snapshotConfiguration() {
        return new IntSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link IntSerializer}. */
    public static final class IntSerializerSnapshot extends SimpleTypeSerializerSnapshot<Integer> {

        public IntSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
