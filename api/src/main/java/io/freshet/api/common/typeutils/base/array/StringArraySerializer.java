package io.freshet.api.common.typeutils.base.array;

import java.io.IOException;

import io.freshet.api.common.typeutils.SimpleTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.common.typeutils.base.TypeSerializerSingleton;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@code String[]} as the length (an int) followed by each element in {@link StringSerializer}'s
 * format, which encodes null elements itself. The array itself must not be null, as in Flink.
 */
public final class StringArraySerializer extends TypeSerializerSingleton<String[]> {

    private static final long serialVersionUID = 1L;

    private static final String[] EMPTY = new String[0];

    public static final StringArraySerializer INSTANCE = new StringArraySerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public String[] createInstance() {
        return EMPTY;
    }

    @Override
    public String[] copy(String[] from) {
        return from.clone();
    }

    @Override
    public String[] copy(String[] from, String[] reuse) {
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
    public void serialize(String[] record, DataOutputView target) throws IOException {
        if (record == null) {
            throw new NullPointerException("StringArraySerializer cannot serialize a null array");
        }
        target.writeInt(record.length);
        for (String element : record) {
            StringSerializer.writeString(element, target);
        }
    }

    @Override
    public String[] deserialize(DataInputView source) throws IOException {
        int length = readLength(source);
        String[] result = length == 0 ? EMPTY : new String[length];
        readElements(source, result);
        return result;
    }

    /** Fills {@code reuse} when it has the right length; otherwise allocates a new array. */
    @Override
    public String[] deserialize(String[] reuse, DataInputView source) throws IOException {
        int length = readLength(source);
        String[] result = reuse != null && reuse.length == length ? reuse : new String[length];
        readElements(source, result);
        return result;
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readLength(source);
        target.writeInt(length);
        for (int i = 0; i < length; i++) {
            StringSerializer.copyString(source, target);
        }
    }

    private static int readLength(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            throw new IOException("corrupt input for StringArraySerializer: negative array length " + length);
        }
        return length;
    }

    private static void readElements(DataInputView source, String[] into) throws IOException {
        for (int i = 0; i < into.length; i++) {
            into[i] = StringSerializer.readString(source);
        }
    }

    @Override
    public TypeSerializerSnapshot<String[]> snapshotConfiguration() {
        return new StringArraySerializerSnapshot();
    }

    /** The snapshot of the stateless {@link StringArraySerializer}. */
    public static final class StringArraySerializerSnapshot extends SimpleTypeSerializerSnapshot<String[]> {

        public StringArraySerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
