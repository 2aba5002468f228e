package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code byte[]} as the element count (an int) followed by the elements, 1 byte each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class BytePrimitiveArraySerializer extends TypeSerializerSingleton<byte[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 1;

    private static final byte[] EMPTY = new byte[0];

    public static final BytePrimitiveArraySerializer INSTANCE = new BytePrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public byte[] createInstance() {
        return EMPTY;
    }

    @Override
    public byte[] copy(byte[] from) {
        return from.clone();
    }

    @Override
    public byte[] copy(byte[] from, byte[] reuse) {
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
    public void serialize(byte[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("BytePrimitiveArraySerializer cannot serialize a null array");
        }
        target.writeInt(record.length);
        target.write(record, 0, record.length);
    }

    @Override
    public byte[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        byte[] result = length == 0 ? EMPTY : new byte[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public byte[] deserialize(byte[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        byte[] result = reuse != null && reuse.length == length ? reuse : new byte[length];
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
            throw new IOException("corrupt input for BytePrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, byte[] into) throws IOException {
        source.readFully(into, 0, into.length);
    }

    @Override
    public TypeSerializerSnapshot<byte[]> snapshotConfiguration() {
        return new BytePrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link BytePrimitiveArraySerializer}. */
    public static final class BytePrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<byte[]> {

        public BytePrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
