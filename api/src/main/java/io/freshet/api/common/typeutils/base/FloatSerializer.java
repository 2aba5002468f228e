package io.freshet.api.common.typeutils.base;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Serializes non-null {@link Float} values as 4 big-endian bytes. */
public final class FloatSerializer extends TypeSerializerSingleton<Float> {

    private static final long serialVersionUID = 1L;

    private static final int LENGTH = 4;

    public static final FloatSerializer INSTANCE = new FloatSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public Float createInstance() {
        return Float.valueOf(0f);
    }

    @Override
    public Float copy(Float from) {
        return from;
    }

    @Override
    public Float copy(Float from, Float reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(Float record, DataOutputView target) throws IOException {
        target.writeFloat(record);
    }

    @Override
    public Float deserialize(DataInputView source) throws IOException {
        return source.readFloat();
    }

    @Override
    public Float deserialize(Float reuse, DataInputView source) throws IOException {
        return source.readFloat();
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeInt(source.readInt());
    }

    @Override
    public TypeSerializerSnapshot<Float> snapshotConfiguration() {
        return new FloatSerializerSnapshot();
    }

    /** The snapshot of the stateless {@link FloatSerializer}. */
    public static final class FloatSerializerSnapshot extends SimpleTypeSerializerSnapshot<Float> {

        public FloatSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
