package io.freshet.api.common.typeutils.base;

import java.util.List;

import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;

/** The snapshot of a {@link ListSerializer}: the element serializer's snapshot. */
public class ListSerializerSnapshot<T> extends CompositeTypeSerializerSnapshot<List<T>, ListSerializer<T>> {

    private static final int CURRENT_VERSION = 1;

    /** For reading a snapshot. */
    public ListSerializerSnapshot() {}

    public ListSerializerSnapshot(ListSerializer<T> listSerializer) {
        super(listSerializer);
    }

    @Override
    public int getCurrentOuterSnapshotVersion() {
        return CURRENT_VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ListSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
        return new ListSerializer<>((TypeSerializer<T>) nestedSerializers[0]);
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(ListSerializer<T> outerSerializer) {
        return new TypeSerializer<?>[] {outerSerializer.getElementSerializer()};
    }
}
