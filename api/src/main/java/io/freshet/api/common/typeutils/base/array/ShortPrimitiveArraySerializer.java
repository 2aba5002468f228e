package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code short[]} as the element count (an int) followed by the elements, 2 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class ShortPrimitiveArraySerializer extends TypeSerializerSingleton<short[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 2;

    private static final short[] EMPTY = new short[0];

    public static final ShortPrimitiveArraySerializer INSTANCE = new ShortPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public short[] createInstance() {
        return EMPTY;
    }

    @Override
    public short[] copy(short[] from) {
        return from.clone();
    }

    @Override
    public short[] copy(short[] from, short[] reuse) {
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
    public void serialize(short[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("ShortPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeShort(record[i]);
        }
    }

    @Override
    public short[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        short[] result = length == 0 ? EMPTY : new short[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public short[] deserialize(short[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        short[] result = reuse != null && reuse.length == length ? reuse : new short[length];
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
            throw new IOException("corrupt input for ShortPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, short[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readShort();
        }
    }

    @Override
    public TypeSerializerSnapshot<short[]> snapshotConfiguration() {
        return new ShortPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link ShortPrimitiveArraySerializer}. */
    public static final class ShortPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<short[]> {

        public ShortPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
