package io.freshet.api.common.typeutils;

import java.io.IOException;
import java.lang.reflect.Constructor;

import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/** Helpers for writing and reading snapshots and the classes inside them. */
public final class TypeSerializerSnapshotIO {

    private TypeSerializerSnapshotIO() {}

    @SuppressWarnings("unchecked")
    static <T> TypeSerializerSnapshot<T> instantiate(String className, ClassLoader classLoader) throws IOException {
        Class<?> type = loadClass(className, classLoader);
        if (!TypeSerializerSnapshot.class.isAssignableFrom(type)) {
            throw new IOException("class " + className + " in the serializer snapshot is not a TypeSerializerSnapshot");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (TypeSerializerSnapshot<T>) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IOException("serializer snapshot class " + className
                    + " has no no-argument constructor; snapshot classes need one to be restored", e);
        } catch (ReflectiveOperationException e) {
            throw new IOException("cannot instantiate serializer snapshot class " + className + ": " + e, e);
        }
    }

    /** Loads a class named in a snapshot, with an error that names it and says where it was looked for. */
    public static Class<?> loadClass(String className, ClassLoader classLoader) throws IOException {
        try {
            return Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IOException("class " + className + " named in a serializer snapshot cannot be found by "
                    + classLoader + "; is the job's jar missing or from another version?", e);
        }
    }

    /** Writes nested snapshots (count, then each versioned). */
    public static void writeNestedSnapshots(DataOutputView out, TypeSerializerSnapshot<?>[] snapshots)
            throws IOException {
        out.writeInt(snapshots.length);
        for (TypeSerializerSnapshot<?> snapshot : snapshots) {
            TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        }
    }

    public static TypeSerializerSnapshot<?>[] readNestedSnapshots(DataInputView in, ClassLoader classLoader)
            throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 65536) {
            throw new IOException("corrupt serializer snapshot: " + count + " nested serializers");
        }
        TypeSerializerSnapshot<?>[] snapshots = new TypeSerializerSnapshot<?>[count];
        for (int i = 0; i < count; i++) {
            snapshots[i] = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
        }
        return snapshots;
    }

    /** Takes the snapshot of each serializer. */
    public static TypeSerializerSnapshot<?>[] snapshotsOf(TypeSerializer<?>[] serializers) {
        TypeSerializerSnapshot<?>[] snapshots = new TypeSerializerSnapshot<?>[serializers.length];
        for (int i = 0; i < serializers.length; i++) {
            snapshots[i] = serializers[i].snapshotConfiguration();
        }
        return snapshots;
    }

    /** Restores each serializer. */
    public static TypeSerializer<?>[] restoreAll(TypeSerializerSnapshot<?>[] snapshots) {
        TypeSerializer<?>[] serializers = new TypeSerializer<?>[snapshots.length];
        for (int i = 0; i < snapshots.length; i++) {
            serializers[i] = snapshots[i].restoreSerializer();
        }
        return serializers;
    }
}
