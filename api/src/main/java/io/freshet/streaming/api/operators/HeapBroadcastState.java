package io.freshet.streaming.api.operators;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.freshet.api.common.state.BroadcastState;

/** A broadcast state on the heap: one map per operator instance (every instance sees the same changes). */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {

    private final Map<K, V> map = new HashMap<>();
    private final io.freshet.api.common.typeutils.TypeSerializer<K> keySerializer;
    private final io.freshet.api.common.typeutils.TypeSerializer<V> valueSerializer;

    HeapBroadcastState() {
        this(null, null);
    }

    /** A broadcast state that checkpoints (with its key and value serializers). */
    HeapBroadcastState(io.freshet.api.common.typeutils.TypeSerializer<K> keySerializer,
            io.freshet.api.common.typeutils.TypeSerializer<V> valueSerializer) {
        this.keySerializer = keySerializer;
        this.valueSerializer = valueSerializer;
    }

    void write(io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
        if (keySerializer == null) {
            throw new IllegalStateException("this broadcast state has no serializers and cannot be checkpointed");
        }
        io.freshet.runtime.state.StateSerializerCheck.writeSerializer(out, keySerializer);
        io.freshet.runtime.state.StateSerializerCheck.writeSerializer(out, valueSerializer);
        out.writeInt(map.size());
        for (Map.Entry<K, V> entry : map.entrySet()) {
            keySerializer.serialize(entry.getKey(), out);
            valueSerializer.serialize(entry.getValue(), out);
        }
    }

    void restore(byte[] section, String what, ClassLoader classLoader) {
        try {
            io.freshet.core.memory.DataInputDeserializer in = new io.freshet.core.memory.DataInputDeserializer(section);
            io.freshet.api.common.typeutils.TypeSerializer<K> keys =
                    io.freshet.runtime.state.StateSerializerCheck.readSerializerFor(in, keySerializer, what, classLoader);
            io.freshet.api.common.typeutils.TypeSerializer<V> values =
                    io.freshet.runtime.state.StateSerializerCheck.readSerializerFor(in, valueSerializer, what,
                            classLoader);
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                map.put(keys.deserialize(in), values.deserialize(in));
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot restore the " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(K key, V value) {
        map.put(key, value);
    }

    @Override
    public void putAll(Map<K, V> values) {
        map.putAll(values);
    }

    @Override
    public void remove(K key) {
        map.remove(key);
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
        return map.entrySet().iterator();
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        return map.entrySet();
    }

    @Override
    public V get(K key) {
        return map.get(key);
    }

    @Override
    public boolean contains(K key) {
        return map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> immutableEntries() {
        return Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public void clear() {
        map.clear();
    }
}
