package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code boolean[]} as the element count (an int) followed by the elements, 1 byte each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class BooleanPrimitiveArraySerializer extends TypeSerializerSingleton<boolean[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 1;

    private static final boolean[] EMPTY = new boolean[0];

    public static final BooleanPrimitiveArraySerializer INSTANCE = new BooleanPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public boolean[] createInstance() {
        return EMPTY;
    }

    @Override
    public boolean[] copy(boolean[] from) {
        return from.clone();
    }

    @Override
    public boolean[] copy(boolean[] from, boolean[] reuse) {
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
    public void serialize(boolean[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("BooleanPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeBoolean(record[i]);
        }
    }

    @Override
    public boolean[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        boolean[] result = length == 0 ? EMPTY : new boolean[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public boolean[] deserialize(boolean[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        boolean[] result = reuse != null && reuse.length == length ? reuse : new boolean[length];
        readElements(source, result);
        return result;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        target.write(source, length);
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for BooleanPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, boolean[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readBoolean();
        }
    }

    @Override
    public TypeSerializerSnapshot<boolean[]> snapshotConfiguration() {
        return new BooleanPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link BooleanPrimitiveArraySerializer}. */
    public static final class BooleanPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<boolean[]> {

        public BooleanPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
