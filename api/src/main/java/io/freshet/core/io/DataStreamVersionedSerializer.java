package io.freshet.core.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link SimpleVersionedSerializer} of one version that writes with a {@link DataOutputStream}: subclasses say how
 * one object is written and read; bytes of another version are refused, naming what they were meant to be.
 */
public abstract class DataStreamVersionedSerializer<T> implements SimpleVersionedSerializer<T> {

    private final int version;
    private final String what;

    /** @param what what the bytes hold, for errors ("a FileSource split") */
    protected DataStreamVersionedSerializer(int version, String what) {
        this.version = version;
        this.what = what;
    }

    protected abstract void write(T object, DataOutputStream out) throws IOException;

    protected abstract T read(DataInputStream in) throws IOException;

    @Override
    public int getVersion() {
        return version;
    }

    @Override
    public byte[] serialize(T object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(object, out);
        }
        return bytes.toByteArray();
    }

    @Override
    public T deserialize(int serializedVersion, byte[] serialized) throws IOException {
        if (serializedVersion != version) {
            throw new IOException("Unknown version " + serializedVersion + " of " + what + "; this build reads version "
                    + version + ".");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    /** A serializer of collections of what {@code elements} serializes (same version), as a count and the elements. */
    public static <T> DataStreamVersionedSerializer<Collection<T>> collectionOf(
            DataStreamVersionedSerializer<T> elements) {
        return new DataStreamVersionedSerializer<>(elements.version, "a collection of " + elements.what) {
            @Override
            protected void write(Collection<T> collection, DataOutputStream out) throws IOException {
                out.writeInt(collection.size());
                for (T element : collection) {
                    elements.write(element, out);
                }
            }

            @Override
            protected Collection<T> read(DataInputStream in) throws IOException {
                int count = in.readInt();
                List<T> result = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    result.add(elements.read(in));
                }
                return result;
            }
        };
    }
}
