package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code float[]} as the element count (an int) followed by the elements, 4 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class FloatPrimitiveArraySerializer extends TypeSerializerSingleton<float[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 4;

    private static final float[] EMPTY = new float[0];

    public static final FloatPrimitiveArraySerializer INSTANCE = new FloatPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public float[] createInstance() {
        return EMPTY;
    }

    @Override
    public float[] copy(float[] from) {
        return from.clone();
    }

    @Override
    public float[] copy(float[] from, float[] reuse) {
        if (reuse == null || reuse.length != from.length) {
            return from.clone();
        }
        System.arraycopy(from, 0, reuse, 0, from.length);
        return reuse;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(float[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("FloatPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeFloat(record[i]);
        }
    }

    @Override
    public float[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        float[] result = length == 0 ? EMPTY : new float[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public float[] deserialize(float[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        float[] result = reuse != null && reuse.length == length ? reuse : new float[length];
        readElements(source, result);
        return result;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        target.write(source, length * ELEMENT_BYTES);
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for FloatPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, float[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readFloat();
        }
    }

    @Override
    public TypeSerializerSnapshot<float[]> snapshotConfiguration() {
        return new FloatPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link FloatPrimitiveArraySerializer}. */
    public static final class FloatPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<float[]> {

        public FloatPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
