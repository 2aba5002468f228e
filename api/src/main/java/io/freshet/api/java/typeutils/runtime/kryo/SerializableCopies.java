package io.freshet.api.java.typeutils.runtime.kryo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java-serialization copies of user-supplied Kryo serializer instances (configuration objects, never data):
 * each Kryo gets its own instance, and snapshots carry the instance with its settings.
 */
final class SerializableCopies {

    private SerializableCopies() {}

    static Object copy(Object value) {
        try {
            return fromBytes(toBytes(value), value.getClass().getClassLoader(), value.getClass().getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toBytes(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (java.io.NotSerializableException e) {
            throw new IOException("Kryo serializer " + value.getClass().getName() + " is not Serializable;"
                    + " register its class instead of an instance, or make it Serializable", e);
        }
        return bytes.toByteArray();
    }

    static Object fromBytes(byte[] bytes, ClassLoader classLoader, String what) throws IOException {
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), classLoader)) {
            return in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore " + what + ": class " + e.getMessage()
                    + " is missing; is the job's jar from another version?", e);
        }
    }

    /** Resolves classes through a given class loader (the job's user-code class loader). */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader classLoader;

        LoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
