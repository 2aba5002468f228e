package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code long[]} as the element count (an int) followed by the elements, 8 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class LongPrimitiveArraySerializer extends TypeSerializerSingleton<long[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 8;

    private static final long[] EMPTY = new long[0];

    public static final LongPrimitiveArraySerializer INSTANCE = new LongPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public long[] createInstance() {
        return EMPTY;
    }

    @Override
    public long[] copy(long[] from) {
        return from.clone();
    }

    @Override
    public long[] copy(long[] from, long[] reuse) {
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
    public void serialize(long[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("LongPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeLong(record[i]);
        }
    }

    @Override
    public long[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        long[] result = length == 0 ? EMPTY : new long[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public long[] deserialize(long[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        long[] result = reuse != null && reuse.length == length ? reuse : new long[length];
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
            throw new IOException("corrupt input for LongPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, long[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readLong();
        }
    }

    @Override
    public TypeSerializerSnapshot<long[]> snapshotConfiguration() {
        return new LongPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link LongPrimitiveArraySerializer}. */
    public static final class LongPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<long[]> {

        public LongPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
