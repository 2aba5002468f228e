package io.freshet.api.common.typeutils.base;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.core.memory.DataInputView;
import io.freshet.core.memory.DataOutputView;

/**
 * Serializes {@link Map}s (read back as {@link HashMap}) as the entry count (an int) followed by, per entry, the
 * key, a null flag byte (1 = the value is null) and the value unless it is null. Null values are always allowed;
 * null keys only when the key serializer accepts null.
 */
public final class MapSerializer<K, V> extends TypeSerializer<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<K> keySerializer;
    private final TypeSerializer<V> valueSerializer;

    public MapSerializer(TypeSerializer<K> keySerializer, TypeSerializer<V> valueSerializer) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public TypeSerializer<V> getValueSerializer() {
        return valueSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> duplicate() {
        TypeSerializer<K> duplicateKey = keySerializer.duplicate();
        TypeSerializer<V> duplicateValue = valueSerializer.duplicate();
        return duplicateKey == keySerializer && duplicateValue == valueSerializer
                ? this
                : new MapSerializer<>(duplicateKey, duplicateValue);
    }

    @Override
    public Map<K, V> createInstance() {
        return new HashMap<>();
    }

    @Override
    public Map<K, V> copy(Map<K, V> from) {
        Map<K, V> copy = new HashMap<>(capacityFor(from.size()));
        for (Map.Entry<K, V> entry : from.entrySet()) {
            V value = entry.getValue();
            copy.put(keySerializer.copy(entry.getKey()), value == null ? null : valueSerializer.copy(value));
        }
        return copy;
    }

    @Override
    public Map<K, V> copy(Map<K, V> from, Map<K, V> reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Map<K, V> record, DataOutputView target) throws IOException {
        target.writeInt(record.size());
        for (Map.Entry<K, V> entry : record.entrySet()) {
            keySerializer.serialize(entry.getKey(), target);
            V value = entry.getValue();
            if (value == null) {
                target.writeByte(1);
            } else {
                target.writeByte(0);
                valueSerializer.serialize(value, target);
            }
        }
    }

    @Override
    public Map<K, V> deserialize(DataInputView source) throws IOException {
        int size = readSize(source);
        // capacity is capped: a corrupt size must not allocate gigabytes before the input runs out
        Map<K, V> map = new HashMap<>(capacityFor(Math.min(size, 1024)));
        readEntries(source, size, map);
        return map;
    }

    /** Refills {@code reuse} when it is a {@link HashMap}; otherwise returns a new map. */
    @Override
    public Map<K, V> deserialize(Map<K, V> reuse, DataInputView source) throws IOException {
        if (!(reuse instanceof HashMap)) {
            return deserialize(source);
        }
        int size = readSize(source);
        reuse.clear();
        readEntries(source, size, reuse);
        return reuse;
    }

    private void readEntries(DataInputView source, int size, Map<K, V> into) throws IOException {
        for (int i = 0; i < size; i++) {
            K key = keySerializer.deserialize(source);
            into.put(key, readNullFlag(source) ? null : valueSerializer.deserialize(source));
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = readSize(source);
        target.writeInt(size);
        for (int i = 0; i < size; i++) {
            keySerializer.copy(source, target);
            boolean isNull = readNullFlag(source);
            target.writeByte(isNull ? 1 : 0);
            if (!isNull) {
                valueSerializer.copy(source, target);
            }
        }
    }

    private static int readSize(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            throw new IOException("corrupt input for MapSerializer: negative size " + size);
        }
        return size;
    }

    private static boolean readNullFlag(DataInputView source) throws IOException {
        byte flag = source.readByte();
        if (flag != 0 && flag != 1) {
            throw new IOException("corrupt input for MapSerializer: null flag " + flag);
        }
        return flag == 1;
    }

    private static int capacityFor(int entries) {
        return entries < 3 ? entries + 1 : (int) (entries / 0.75f) + 1;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapSerializer)) {
            return false;
        }
        MapSerializer<?, ?> other = (MapSerializer<?, ?>) obj;
        return keySerializer.equals(other.keySerializer) && valueSerializer.equals(other.valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * keySerializer.hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "MapSerializer{" + keySerializer + ", " + valueSerializer + '}';
    }

    @Override
    public TypeSerializerSnapshot<Map<K, V>> snapshotConfiguration() {
        return new MapSerializerSnapshot<>(this);
    }
}
