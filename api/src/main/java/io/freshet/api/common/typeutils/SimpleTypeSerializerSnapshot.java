package io.freshet.api.common.typeutils;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The snapshot of a serializer without configuration: restoring recreates the serializer from a supplier, and
 * any snapshot of the same class is compatible as is. Subclasses need a public no-argument constructor that
 * passes the supplier.
 */
public abstract class SimpleTypeSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private final Supplier<? extends TypeSerializer<T>> serializerSupplier;

    public SimpleTypeSerializerSnapshot(Supplier<? extends TypeSerializer<T>> serializerSupplier) {
        this.serializerSupplier = Objects.requireNonNull(serializerSupplier);
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return serializerSupplier.get();
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        return oldSerializerSnapshot.getClass() == getClass()
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    @Override
    public void writeSnapshot(DataOutputView out) {}

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException(getClass().getName() + " cannot read snapshot version " + readVersion);
        }
    }

    @Override
    public final boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getName();
    }
}
