package io.freshet.api.common.typeutils;

import java.io.IOException;

import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The configuration of a {@link TypeSerializer}, written into checkpoints and savepoints beside the state it
 * wrote. On restore, the snapshot recreates a serializer that reads the old state ({@link #restoreSerializer()})
 * and decides whether the job's new serializer can take over ({@link #resolveSchemaCompatibility}).
 *
 * <p>Implementations need a public no-argument constructor: {@link #readVersionedSnapshot} creates them
 * reflectively and then calls {@link #readSnapshot}. {@link #getCurrentVersion()} is written with every snapshot
 * so that a later, changed snapshot class can still read what an older one wrote.
 *
 * @param <T> the type of the values the serializer handles
 */
public interface TypeSerializerSnapshot<T> {

    /** The version of this snapshot's format, written with it and handed back to {@link #readSnapshot}. */
    int getCurrentVersion();

    void writeSnapshot(DataOutputView out) throws IOException;

    void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException;

    /** A serializer that reads what the snapshotted serializer wrote. */
    TypeSerializer<T> restoreSerializer();

    /**
     * Called on the snapshot of the old serializer with the new one.
     *
     * @deprecated the direction was reversed in Flink 1.19; implement
     *     {@link #resolveSchemaCompatibility(TypeSerializerSnapshot)} on the new serializer's snapshot instead.
     */
    @Deprecated
    default TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
        return newSerializer.snapshotConfiguration().resolveSchemaCompatibility(this);
    }

    /**
     * Called on the snapshot of the new serializer with the snapshot of the old one: can the new serializer read
     * state the old one wrote? The default accepts only a snapshot of the same class whose restored serializer
     * equals this one's; snapshots with configuration (field lists, enum constants, registrations) override it.
     */
    default TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (oldSerializerSnapshot.getClass() != getClass()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        return oldSerializerSnapshot.restoreSerializer().equals(restoreSerializer())
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    /** Writes the snapshot's class name and version, then its content. */
    static void writeVersionedSnapshot(DataOutputView out, TypeSerializerSnapshot<?> snapshot) throws IOException {
        out.writeUTF(snapshot.getClass().getName());
        out.writeInt(snapshot.getCurrentVersion());
        snapshot.writeSnapshot(out);
    }

    /** Reads a snapshot written by {@link #writeVersionedSnapshot}, loading its class through {@code classLoader}. */
    static <T> TypeSerializerSnapshot<T> readVersionedSnapshot(DataInputView in, ClassLoader classLoader)
            throws IOException {
        String className = in.readUTF();
        int version = in.readInt();
        TypeSerializerSnapshot<T> snapshot = TypeSerializerSnapshotIO.instantiate(className, classLoader);
        snapshot.readSnapshot(version, in, classLoader);
        return snapshot;
    }
}
