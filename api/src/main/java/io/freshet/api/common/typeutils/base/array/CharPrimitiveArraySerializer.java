package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code char[]} as the element count (an int) followed by the elements, 2 bytes each.
 * Null arrays are rejected, as in Flink; wrap the field in a nullable type if it may be null.
 */
public final class CharPrimitiveArraySerializer extends TypeSerializerSingleton<char[]> {

    private static final long serialVersionUID = 1L;

    private static final int ELEMENT_BYTES = 2;

    private static final char[] EMPTY = new char[0];

    public static final CharPrimitiveArraySerializer INSTANCE = new CharPrimitiveArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public char[] createInstance() {
        return EMPTY;
    }

    @Override
    public char[] copy(char[] from) {
        return from.clone();
    }

    @Override
    public char[] copy(char[] from, char[] reuse) {
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
    public void serialize(char[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("CharPrimitiveArraySerializer cannot serialize a null array");
        }
        int length = record.length;
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            target.writeChar(record[i]);
        }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        char[] result = length == 0 ? EMPTY : new char[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public char[] deserialize(char[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        char[] result = reuse != null && reuse.length == length ? reuse : new char[length];
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
            throw new IOException("corrupt input for CharPrimitiveArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, char[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = source.readChar();
        }
    }

    @Override
    public TypeSerializerSnapshot<char[]> snapshotConfiguration() {
        return new CharPrimitiveArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link CharPrimitiveArraySerializer}. */
    public static final class CharPrimitiveArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<char[]> {

        public CharPrimitiveArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
