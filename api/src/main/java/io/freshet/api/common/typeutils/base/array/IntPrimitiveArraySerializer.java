package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code int[]} as the element count (an int) followed by the elements, 4 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class IntPrimitiveArraySerializer extends TypeSerializerSingleton<int[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 4;

    private static final int[] EMPTY = new int[0];

    public static final IntPrimitiveArraySerializer INSTANCE = new IntPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public int[] createInstance() {
        return EMPTY;
    }

    @Override
    public int[] copy(int[] from) {
        return from.clone();
    }

    @Override
    public int[] copy(int[] from, int[] reuse) {
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
    public void serialize(int[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("IntPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeInt(record[i]);
        }
    }

    @Override
    public int[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        int[] result = length == 0 ? EMPTY : new int[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public int[] deserialize(int[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        int[] result = reuse != null && reuse.length == length ? reuse : new int[length];
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
            throw new IOException("corrupt input for IntPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, int[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readInt();
        }
    }

    @Override
    public TypeSerializerSnapshot<int[]> snapshotConfiguration() {
        return new IntPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link IntPrimitiveArraySerializer}. */
    public static final class IntPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<int[]> {

        public IntPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
