package io.freshet.util;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Java serialization of user objects (functions, input formats, ...) that travel inside a job graph and are
 * deserialized in the task with the job's user-code class loader.
 *
 * <p>Only for user objects that are {@link java.io.Serializable} by contract, never for records or state
 * (those go through {@code TypeSerializer}s).
 */
public final class InstantiationUtil {

    private InstantiationUtil() {}

    /** Returns the Java serialization of {@code object}. */
    public static byte[] serializeObject(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        serializeObject(bytes, object);
        return bytes.toByteArray();
    }

    /** Writes the Java serialization of {@code object} to {@code out}, which stays open. */
    public static void serializeObject(OutputStream out, Object object) throws IOException {
        ObjectOutputStream objects = new ObjectOutputStream(out);
        objects.writeObject(object);
        objects.flush();
    }

    /**
     * Reads an object written by {@link #serializeObject(Object)}, resolving its classes through {@code
     * classLoader} (the user-code class loader) only; JDK classes are found through its parents.
     *
     * @throws ClassNotFoundException naming the class that {@code classLoader} cannot load
     */
    public static <T> T deserializeObject(byte[] bytes, ClassLoader classLoader)
            throws IOException, ClassNotFoundException {
        return deserializeObject(new ByteArrayInputStream(bytes), classLoader);
    }

    /** As {@link #deserializeObject(byte[], ClassLoader)}, reading from {@code in}. */
    @SuppressWarnings("unchecked")
    public static <T> T deserializeObject(InputStream in, ClassLoader classLoader)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream objects = new ClassLoaderObjectInputStream(in, classLoader)) {
            return (T) objects.readObject();
        }
    }

    /** Returns a deep copy of {@code object} made by serializing it and reading it back with its class loader. */
    public static <T extends java.io.Serializable> T clone(T object) throws IOException, ClassNotFoundException {
        if (object == null) {
            return null;
        }
        ClassLoader loader = object.getClass().getClassLoader();
        return deserializeObject(serializeObject(object), loader != null ? loader : ClassLoader.getPlatformClassLoader());
    }

    /** Returns whether {@code object} can be Java-serialized (tries it). */
    public static boolean isSerializable(Object object) {
        try {
            serializeObject(object);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * An object stream that resolves classes through a given class loader. The default stream uses the "latest
     * user-defined loader" on the call stack, which is the framework's loader, not the job's.
     */
    public static class ClassLoaderObjectInputStream extends ObjectInputStream {

        private static final Map<String, Class<?>> PRIMITIVES = Map.of(
                "boolean", boolean.class, "byte", byte.class, "char", char.class, "short", short.class,
                "int", int.class, "long", long.class, "float", float.class, "double", double.class,
                "void", void.class);

        private final ClassLoader classLoader;

        public ClassLoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
            super(in);
            this.classLoader = classLoader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (classLoader == null) {
                return super.resolveClass(desc);
            }
            Class<?> primitive = PRIMITIVES.get(desc.getName());
            if (primitive != null) {
                return primitive;
            }
            // No fallback to the framework's loader: a class missing from the user-code loader must fail here,
            // not resolve to a different copy of the class.
            return Class.forName(desc.getName(), false, classLoader);
        }

        @Override
        protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
            if (classLoader == null) {
                return super.resolveProxyClass(interfaces);
            }
            Class<?>[] classes = new Class<?>[interfaces.length];
            for (int i = 0; i < interfaces.length; i++) {
                classes[i] = Class.forName(interfaces[i], false, classLoader);
            }
            try {
                @SuppressWarnings("deprecation")
                Class<?> proxy = Proxy.getProxyClass(classLoader, classes);
                return proxy;
            } catch (IllegalArgumentException e) {
                throw new ClassNotFoundException("Cannot create a proxy class for " + String.join(", ", interfaces), e);
            }
        }
    }
}
