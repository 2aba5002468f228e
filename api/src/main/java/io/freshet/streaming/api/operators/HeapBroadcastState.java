package io.freshet.streaming.api.operators;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import io.freshet.api.common.state.BroadcastState;

/** A broadcast state on the heap: one map per operator instance (every instance sees the same changes). */
final class HeapBroadcastState<K, V> implements BroadcastState<K, V> {

    private final Map<K, V> map = new HashMap<>();

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
