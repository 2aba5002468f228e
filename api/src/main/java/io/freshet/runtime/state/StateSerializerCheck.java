package io.freshet.runtime.state;

import java.io.IOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Writes the snapshot of a state's serializer beside the state, and on restore decides how to read what the old
 * serializer wrote: with the new serializer (compatible as is), a reconfigured one, or the old one restored from its
 * snapshot (compatible after migration: values are read as they were and written with the new serializer at the next
 * checkpoint). An incompatible serializer is a clear error naming the state.
 */
public final class StateSerializerCheck {

    private StateSerializerCheck() {}

    public static void writeSerializer(DataOutputView out, TypeSerializer<?> serializer) throws IOException {
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
    }

    /**
     * Reads a serializer snapshot written by {@link #writeSerializer} and returns the serializer to read the state's
     * values with.
     *
     * @param what the state, for the error ("keyed state 'count' of operator 'Map'")
     * @throws IOException when the new serializer cannot read the old state
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> TypeSerializer<T> readSerializerFor(DataInputView in, TypeSerializer<T> newSerializer,
            String what, ClassLoader classLoader) throws IOException {
        TypeSerializerSnapshot<T> oldSnapshot;
        try {
            oldSnapshot = TypeSerializerSnapshot.readVersionedSnapshot(in, classLoader);
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read the serializer snapshot of " + what + " in the checkpoint: " + e, e);
        }
        TypeSerializerSchemaCompatibility<T> compatibility = ((TypeSerializerSnapshot) newSerializer
                .snapshotConfiguration()).resolveSchemaCompatibility(oldSnapshot);
        if (compatibility.isCompatibleAsIs()) {
            return newSerializer;
        }
        if (compatibility.isCompatibleWithReconfiguredSerializer()) {
            return compatibility.getReconfiguredSerializer();
        }
        if (compatibility.isCompatibleAfterMigration()) {
            return oldSnapshot.restoreSerializer();
        }
        throw new IOException("The state " + what + " was written with a serializer (" + oldSnapshot.getClass()
                .getName() + ") the program's serializer " + newSerializer.getClass().getName() + " cannot read:"
                + " the state's type changed incompatibly. Restore with the old type, or start without this state"
                + " (a new uid for the operator, and --allowNonRestoredState).");
    }
}
