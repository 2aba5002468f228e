package io.freshet.api.common.typeutils.base;

import java.util.Map;

import io.freshet.api.common.typeutils.CompositeTypeSerializerSnapshot;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;

/** The snapshot of a {@link MapSerializer}: the key and value serializers' snapshots. */
public class MapSerializerSnapshot<K, V> extends CompositeTypeSerializerSnapshot<Map<K, V>, MapSerializer<K, V>> {

    private static final int CURRENT_VERSION = 1;

    /** For reading a snapshot. */
    public MapSerializerSnapshot() {}

    public MapSerializerSnapshot(MapSerializer<K, V> mapSerializer) {
        super(mapSerializer);
    }

    @Override
    public int getCurrentOuterSnapshotVersion() {
        return CURRENT_VERSION;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected MapSerializer<K, V> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
        return new MapSerializer<>((TypeSerializer<K>) nestedSerializers[0], (TypeSerializer<V>) nestedSerializers[1]);
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(MapSerializer<K, V> outerSerializer) {
        return new TypeSerializer<?>[] {outerSerializer.getKeySerializer(), outerSerializer.getValueSerializer()};
    }

    @SuppressWarnings("unchecked")
    public TypeSerializerSnapshot<K> getKeySerializerSnapshot() {
        return (TypeSerializerSnapshot<K>) getNestedSerializerSnapshots()[0];
    }
}
