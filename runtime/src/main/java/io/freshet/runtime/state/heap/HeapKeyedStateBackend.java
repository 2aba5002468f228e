package io.freshet.runtime.state.heap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.ValueState;
import io.freshet.api.common.state.ValueStateDescriptor;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;
import io.freshet.streaming.api.operators.KeyContext;

/**
 * Keyed state on the heap of one subtask: for each state, one hash map per key group of the subtask's
 * {@link KeyGroupRange}, so that a snapshot (later) writes key group by key group and a restore at another
 * parallelism picks whole key groups.
 *
 * <p>The current key is set by the task before each record ({@link #setCurrentKey}); every state access reads or
 * writes that key's entry. Values are stored as they are given (no copy), as Flink's heap backend does: a function
 * must not change an object after handing it to {@code update}. Confined to the task thread.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateStore, KeyContext {

    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, HeapValueState<K, ?>> states = new LinkedHashMap<>();
    private K currentKey;
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    }

    public TypeSerializer<K> getKeySerializer() {
        return keySerializer;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /**
     * Scopes the state to {@code key}.
     *
     * @throws IllegalStateException when the key belongs to a key group of another subtask (a key selector that is
     *     not deterministic, or a key whose hashCode changes between JVMs, such as an enum's or an array's)
     */
    @Override
    @SuppressWarnings("unchecked")
    public void setCurrentKey(Object key) {
        setKey((K) key);
    }

    /** {@link #setCurrentKey} with the key's type. */
    public void setKey(K key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("The key '" + key + "' belongs to key group " + keyGroup + ", which this"
                    + " subtask (key groups " + keyGroupRange + ") does not own. The key selector must return the same"
                    + " key for a record every time, and the key's hashCode must be the same in every JVM.");
        }
        currentKey = key;
        currentKeyGroupIndex = keyGroup - keyGroupRange.getStartKeyGroup();
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        HeapValueState<K, ?> existing = states.get(descriptor.getName());
        if (existing != null) {
            return (ValueState<T>) existing;
        }
        HeapValueState<K, T> state = new HeapValueState<>(this, descriptor.getDefaultValue(),
                keyGroupRange.getNumberOfKeyGroups());
        states.put(descriptor.getName(), state);
        return state;
    }

    /** The number of keys with a value in any state (for tests and metrics). */
    public int numberOfKeys() {
        java.util.Set<K> keys = new java.util.HashSet<>();
        for (HeapValueState<K, ?> state : states.values()) {
            for (Map<K, ?> group : state.groups) {
                if (group != null) {
                    keys.addAll(group.keySet());
                }
            }
        }
        return keys.size();
    }

    /** A {@link ValueState} backed by one map per key group. */
    static final class HeapValueState<K, V> implements ValueState<V> {
        private final HeapKeyedStateBackend<K> backend;
        private final V defaultValue;
        final Map<K, V>[] groups;

        @SuppressWarnings("unchecked")
        HeapValueState(HeapKeyedStateBackend<K> backend, V defaultValue, int keyGroups) {
            this.backend = backend;
            this.defaultValue = defaultValue;
            this.groups = new Map[keyGroups];
        }

        private Map<K, V> group(boolean create) {
            if (backend.currentKey == null) {
                throw new IllegalStateException("No key is set: keyed state is only accessible while a record of a"
                        + " keyed stream is processed.");
            }
            Map<K, V> group = groups[backend.currentKeyGroupIndex];
            if (group == null && create) {
                group = new HashMap<>();
                groups[backend.currentKeyGroupIndex] = group;
            }
            return group;
        }

        @Override
        public V value() {
            Map<K, V> group = group(false);
            V value = group == null ? null : group.get(backend.currentKey);
            return value != null ? value : defaultValue;
        }

        @Override
        public void update(V value) {
            if (value == null) {
                clear();
                return;
            }
            group(true).put(backend.currentKey, value);
        }

        @Override
        public void clear() {
            Map<K, V> group = group(false);
            if (group != null) {
                group.remove(backend.currentKey);
            }
        }
    }
}
