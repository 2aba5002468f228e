package io.freshet.api.common.typeutils.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

/**
 * Restoring enum state after the enum changed. The "old" serializers are described by snapshots with the old
 * constant names, written and read back as a checkpoint would hold them.
 */
class EnumSerializerCompatibilityTest {

    /** The current version of the enum. */
    enum Size { SMALL, MEDIUM, LARGE }

    enum Other { SMALL, MEDIUM, LARGE }

    private final EnumSerializer<Size> current = new EnumSerializer<>(Size.class);

    @Test
    void unchangedEnumIsCompatibleAsIs() throws IOException {
        TypeSerializerSchemaCompatibility<Size> result = resolveAgainstOld("SMALL", "MEDIUM", "LARGE");

        assertThat(result.isCompatibleAsIs()).isTrue();
    }

    @Test
    void appendedConstantNeedsReconfiguredSerializerThatReadsOldState() throws IOException {
        TypeSerializerSnapshot<Size> old = oldSnapshot("SMALL", "MEDIUM");
        byte[] oldState = serializeWith(old.restoreSerializer(), Size.MEDIUM, Size.SMALL);

        TypeSerializerSchemaCompatibility<Size> result = current.snapshotConfiguration().resolveSchemaCompatibility(old);

        assertThat(result.isCompatibleWithReconfiguredSerializer()).isTrue();
        TypeSerializer<Size> reconfigured = result.getReconfiguredSerializer();
        DataInputDeserializer in = new DataInputDeserializer(oldState);
        assertThat(reconfigured.deserialize(in)).isEqualTo(Size.MEDIUM);
        assertThat(reconfigured.deserialize(in)).isEqualTo(Size.SMALL);
        // the new constant gets the next free position
        assertThat(serializeWith(reconfigured, Size.LARGE)).containsExactly(0, 0, 0, 2);
    }

    @Test
    void reorderedConstantsNeedReconfiguredSerializerThatKeepsOldPositions() throws IOException {
        TypeSerializerSnapshot<Size> old = oldSnapshot("LARGE", "SMALL", "MEDIUM");
        byte[] oldState = serializeWith(old.restoreSerializer(), Size.SMALL, Size.LARGE, Size.MEDIUM);

        TypeSerializerSchemaCompatibility<Size> result = current.snapshotConfiguration().resolveSchemaCompatibility(old);

        assertThat(result.isCompatibleWithReconfiguredSerializer()).isTrue();
        TypeSerializer<Size> reconfigured = result.getReconfiguredSerializer();
        DataInputDeserializer in = new DataInputDeserializer(oldState);
        assertThat(reconfigured.deserialize(in)).isEqualTo(Size.SMALL);
        assertThat(reconfigured.deserialize(in)).isEqualTo(Size.LARGE);
        assertThat(reconfigured.deserialize(in)).isEqualTo(Size.MEDIUM);
        assertThat(serializeWith(reconfigured, Size.SMALL, Size.LARGE, Size.MEDIUM)).isEqualTo(oldState);
    }

    @Test
    void reconfiguredSerializerSnapshotsItsOwnOrder() throws IOException {
        TypeSerializer<Size> reconfigured = current.snapshotConfiguration()
                .resolveSchemaCompatibility(oldSnapshot("MEDIUM", "SMALL"))
                .getReconfiguredSerializer();

        TypeSerializerSnapshot<Size> snapshotOfReconfigured = writeAndRead(reconfigured.snapshotConfiguration());

        assertThat(snapshotOfReconfigured.restoreSerializer()).isEqualTo(reconfigured);
        assertThat(reconfigured.snapshotConfiguration().resolveSchemaCompatibility(snapshotOfReconfigured)
                .isCompatibleAsIs()).isTrue();
    }

    @Test
    void removedConstantIsIncompatible() throws IOException {
        TypeSerializerSchemaCompatibility<Size> result = resolveAgainstOld("SMALL", "MEDIUM", "HUGE", "LARGE");

        assertThat(result.isIncompatible()).isTrue();
    }

    @Test
    void restoringTheOldSerializerOfARemovedConstantNamesIt() throws IOException {
        TypeSerializerSnapshot<Size> old = oldSnapshot("SMALL", "HUGE");

        assertThatThrownBy(old::restoreSerializer).isInstanceOf(IllegalStateException.class).hasMessageContaining("HUGE");
    }

    @Test
    void differentEnumClassIsIncompatible() throws IOException {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<Size> other = (TypeSerializerSnapshot) writeAndRead(
                new EnumSerializer<>(Other.class).snapshotConfiguration());

        assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(other).isIncompatible()).isTrue();
    }

    @Test
    void snapshotOfAnotherSerializerIsIncompatible() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<Size> other = (TypeSerializerSnapshot) IntSerializer.INSTANCE.snapshotConfiguration();

        assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(other).isIncompatible()).isTrue();
    }

    // ---- helpers ----

    private TypeSerializerSchemaCompatibility<Size> resolveAgainstOld(String... oldNames) throws IOException {
        return current.snapshotConfiguration().resolveSchemaCompatibility(oldSnapshot(oldNames));
    }

    private static TypeSerializerSnapshot<Size> oldSnapshot(String... names) throws IOException {
        return writeAndRead(new EnumSerializer.EnumSerializerSnapshot<>(Size.class, names));
    }

    private static <T> TypeSerializerSnapshot<T> writeAndRead(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), EnumSerializerCompatibilityTest.class.getClassLoader());
    }

    @SafeVarargs
    private static <T> byte[] serializeWith(TypeSerializer<T> serializer, T... values) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (T value : values) {
            serializer.serialize(value, out);
        }
        return out.getCopyOfBuffer();
    }
}
