package io.freshet.api.common.typeutils;

import java.io.IOException;

import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The snapshot of a serializer built from nested serializers (tuples, lists, maps, arrays): it writes the
 * snapshots of the nested serializers plus an optional "outer" part of its own, and on restore decides
 * compatibility field by field. The result is the weakest of the nested results and the outer result.
 *
 * @param <T> the type of the values
 * @param <S> the composite serializer's class
 */
public abstract class CompositeTypeSerializerSnapshot<T, S extends TypeSerializer<T>> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    /** The outcome of comparing the outer (non-nested) configuration of two snapshots. */
    public enum OuterSchemaCompatibility {
        COMPATIBLE_AS_IS,
        COMPATIBLE_AFTER_MIGRATION,
        INCOMPATIBLE
    }

    private TypeSerializerSnapshot<?>[] nestedSnapshots;
    private int outerVersion;

    /** For reading: the nested snapshots come from {@link #readSnapshot}. */
    public CompositeTypeSerializerSnapshot() {}

    /** @deprecated kept for signature compatibility; the serializer class is not needed. */
    @Deprecated
    @SuppressWarnings("rawtypes")
    public CompositeTypeSerializerSnapshot(Class<? extends TypeSerializer> serializerClass) {}

    /** For writing: snapshots the nested serializers of {@code serializerInstance}. */
    public CompositeTypeSerializerSnapshot(S serializerInstance) {
        this.nestedSnapshots = TypeSerializerSnapshotIO.snapshotsOf(getNestedSerializers(serializerInstance));
        this.outerVersion = getCurrentOuterSnapshotVersion();
    }

    // ---- what subclasses define ----

    protected abstract int getCurrentOuterSnapshotVersion();

    protected abstract TypeSerializer<?>[] getNestedSerializers(S outerSerializer);

    protected abstract S createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers);

    protected void writeOuterSnapshot(DataOutputView out) throws IOException {}

    protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {}

    /** Compares the outer configuration of this (new) snapshot with the old one; by default they always match. */
    protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        return OuterSchemaCompatibility.COMPATIBLE_AS_IS;
    }

    // ---- TypeSerializerSnapshot ----

    @Override
    public final int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public final void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(getCurrentOuterSnapshotVersion());
        writeOuterSnapshot(out);
        TypeSerializerSnapshotIO.writeNestedSnapshots(out, nestedSnapshots);
    }

    @Override
    public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException(getClass().getName() + " cannot read snapshot version " + readVersion);
        }
        outerVersion = in.readInt();
        readOuterSnapshot(outerVersion, in, classLoader);
        nestedSnapshots = TypeSerializerSnapshotIO.readNestedSnapshots(in, classLoader);
    }

    public TypeSerializerSnapshot<?>[] getNestedSerializerSnapshots() {
        return nestedSnapshots.clone();
    }

    @Override
    public final TypeSerializer<T> restoreSerializer() {
        return createOuterSerializerWithNestedSerializers(TypeSerializerSnapshotIO.restoreAll(nestedSnapshots));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (oldSerializerSnapshot.getClass() != getClass()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        CompositeTypeSerializerSnapshot<T, S> old = (CompositeTypeSerializerSnapshot<T, S>) oldSerializerSnapshot;
        OuterSchemaCompatibility outer = resolveOuterSchemaCompatibility(oldSerializerSnapshot);
        if (outer == OuterSchemaCompatibility.INCOMPATIBLE || old.nestedSnapshots.length != nestedSnapshots.length) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        boolean migrate = outer == OuterSchemaCompatibility.COMPATIBLE_AFTER_MIGRATION;
        boolean reconfigure = false;
        TypeSerializer<?>[] reconfigured = new TypeSerializer<?>[nestedSnapshots.length];
        for (int i = 0; i < nestedSnapshots.length; i++) {
            TypeSerializerSchemaCompatibility<?> nested =
                    ((TypeSerializerSnapshot) nestedSnapshots[i]).resolveSchemaCompatibility((TypeSerializerSnapshot) old.nestedSnapshots[i]);
            if (nested.isIncompatible()) {
                return TypeSerializerSchemaCompatibility.incompatible();
            }
            if (nested.isCompatibleAfterMigration()) {
                migrate = true;
            } else if (nested.isCompatibleWithReconfiguredSerializer()) {
                reconfigure = true;
                reconfigured[i] = nested.getReconfiguredSerializer();
            } else {
                reconfigured[i] = nestedSnapshots[i].restoreSerializer();
            }
        }
        if (migrate) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        if (reconfigure) {
            return TypeSerializerSchemaCompatibility.compatibleWithReconfiguredSerializer(
                    createOuterSerializerWithNestedSerializers(reconfigured));
        }
        return TypeSerializerSchemaCompatibility.compatibleAsIs();
    }
}
