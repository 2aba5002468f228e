package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.util.Objects;

import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializerSnapshotIO;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * The snapshot of a {@link GenericArraySerializer}: the component class name (the outer snapshot) and the
 * component serializer's snapshot. A different component class makes the snapshots incompatible.
 */
public final class GenericArraySerializerSnapshot<C> extends CompositeTypeSerializerSnapshot<C[], GenericArraySerializer<C>> {

    private static final int CURRENT_VERSION = 1;

    private Class<C> componentClass;

    /** For reading a snapshot. */
    public GenericArraySerializerSnapshot() {}

    public GenericArraySerializerSnapshot(GenericArraySerializer<C> genericArraySerializer) {
        super(genericArraySerializer);
        this.componentClass = genericArraySerializer.getComponentClass();
    }

    GenericArraySerializerSnapshot(Class<C> componentClass) {
        this.componentClass = Objects.requireNonNull(componentClass, "componentClass");
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
        return CURRENT_VERSION;
    }

    @Override
    protected void writeOuterSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(componentClass.getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        if (readOuterSnapshotVersion != CURRENT_VERSION) {
            throw new IOException("GenericArraySerializerSnapshot cannot read outer version " + readOuterSnapshotVersion);
        }
        componentClass = (Class<C>) TypeSerializerSnapshotIO.loadClass(in.readUTF(), classLoader);
    }

    @Override
    public TypeSerializerSchemaCompatibility<C[]> resolveSchemaCompatibility(
            TypeSerializerSnapshot<C[]> oldSerializerSnapshot) {
        return super.resolveSchemaCompatibility(oldSerializerSnapshot);
    }

    @Override
    protected OuterSchemaCompatibility resolveOuterSchemaCompatibility(TypeSerializerSnapshot<C[]> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof GenericArraySerializerSnapshot)) {
            return OuterSchemaCompatibility.INCOMPATIBLE;
        }
        Class<?> oldComponentClass = ((GenericArraySerializerSnapshot<?>) oldSerializerSnapshot).componentClass;
        return componentClass == oldComponentClass
                ? OuterSchemaCompatibility.COMPATIBLE_AS_IS
                : OuterSchemaCompatibility.INCOMPATIBLE;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected GenericArraySerializer<C> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
        return new GenericArraySerializer<>(componentClass, (TypeSerializer<C>) nestedSerializers[0]);
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(GenericArraySerializer<C> outerSerializer) {
        return new TypeSerializer<?>[] {outerSerializer.getComponentSerializer()};
    }
}
