package io.freshet.runtime.state.heap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.state.AggregatingState;
import io.freshet.api.common.state.AggregatingStateDescriptor;
import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.ReducingState;
import io.freshet.api.common.state.ReducingStateDescriptor;
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
public final class HeapKeyedStateBackend<K> implements KeyedStateStore, KeyContext,
        io.freshet.streaming.api.operators.KeyedStateIterable {

    private final TypeSerializer<K> keySerializer;
    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final Map<String, Registered> states = new LinkedHashMap<>();
    private K currentKey;
    private java.util.function.LongSupplier ttlClock = System::currentTimeMillis;
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    }

    /** The processing-time clock that state time-to-live reads (tests set their own). */
    public void setTtlClock(java.util.function.LongSupplier clock) {
        this.ttlClock = Objects.requireNonNull(clock, "clock");
    }

    private TtlStates.Ttl ttlOf(io.freshet.api.common.state.StateDescriptor<?, ?> descriptor) {
        io.freshet.api.common.state.StateTtlConfig config = descriptor.getTtlConfig();
        return config != null && config.isEnabled() ? new TtlStates.Ttl(config, () -> ttlClock.getAsLong()) : null;
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

    /** The state registered under the descriptor's name, created on first use; one kind per name. */
    @SuppressWarnings("unchecked")
    private <S> S state(String name, Class<?> kind, java.util.function.Function<Store<K, Object>, S> create) {
        Registered registered = states.get(name);
        if (registered == null) {
            Store<K, Object> store = new Store<>(this, keyGroupRange.getNumberOfKeyGroups());
            registered = new Registered(kind, store, create.apply(store));
            states.put(name, registered);
        } else if (registered.kind != kind) {
            throw new IllegalStateException("The state '" + name + "' is a " + registered.kind.getSimpleName()
                    + " and cannot also be a " + kind.getSimpleName() + "; give each state its own name.");
        }
        return (S) registered.state;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor.getName(), ValueState.class, store -> ttl != null
                ? new TtlStates.TtlValueState<>((Store) store, descriptor.getDefaultValue(), ttl)
                : new HeapValueState<>((Store) store, descriptor.getDefaultValue()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor.getName(), ListState.class, store -> ttl != null
                ? new TtlStates.TtlListState<>((Store) store, ttl) : new HeapListState<>((Store) store));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor.getName(), ReducingState.class, store -> ttl != null
                ? new TtlStates.TtlReducingState<>((Store) store, descriptor.getReduceFunction(), ttl)
                : new HeapReducingState<>((Store) store, descriptor.getReduceFunction()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor.getName(), AggregatingState.class, store -> ttl != null
                ? new TtlStates.TtlAggregatingState<>((Store) store, descriptor.getAggregateFunction(), ttl)
                : new HeapAggregatingState<>((Store) store, descriptor.getAggregateFunction()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor.getName(), MapState.class, store -> ttl != null
                ? new TtlStates.TtlMapState<>((Store) store, ttl) : new HeapMapState<>((Store) store));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends io.freshet.api.common.state.State> void applyToAllKeys(
            io.freshet.api.common.state.StateDescriptor<S, ?> descriptor,
            io.freshet.runtime.state.KeyedStateFunction<Object, S> function) throws Exception {
        S state = (S) stateFor(descriptor);
        Registered registered = states.get(descriptor.getName());
        List<K> keys = new ArrayList<>();
        for (Map<K, Object> group : registered.store.groups) {
            if (group != null) {
                keys.addAll(group.keySet());
            }
        }
        K previous = currentKey;
        try {
            for (K key : keys) {
                setKey(key);
                function.process(key, state);
            }
        } finally {
            if (previous != null) {
                setKey(previous);
            } else {
                currentKey = null;
            }
        }
    }

    /** The state a descriptor names, created (empty) if it was never used. */
    private Object stateFor(io.freshet.api.common.state.StateDescriptor<?, ?> descriptor) {
        if (descriptor instanceof ValueStateDescriptor) {
            return getState((ValueStateDescriptor<?>) descriptor);
        } else if (descriptor instanceof ListStateDescriptor) {
            return getListState((ListStateDescriptor<?>) descriptor);
        } else if (descriptor instanceof MapStateDescriptor) {
            return getMapState((MapStateDescriptor<?, ?>) descriptor);
        } else if (descriptor instanceof ReducingStateDescriptor) {
            return getReducingState((ReducingStateDescriptor<?>) descriptor);
        } else if (descriptor instanceof AggregatingStateDescriptor) {
            return getAggregatingState((AggregatingStateDescriptor<?, ?, ?>) descriptor);
        }
        throw new IllegalArgumentException("Unknown kind of state descriptor: " + descriptor);
    }

    /** The number of keys with a value in any state (for tests and metrics). */
    public int numberOfKeys() {
        java.util.Set<K> keys = new java.util.HashSet<>();
        for (Registered registered : states.values()) {
            for (Map<K, Object> group : registered.store.groups) {
                if (group != null) {
                    keys.addAll(group.keySet());
                }
            }
        }
        return keys.size();
    }

    private final class Registered {
        final Class<?> kind;
        final Store<K, Object> store;
        final Object state;

        Registered(Class<?> kind, Store<K, Object> store, Object state) {
            this.kind = kind;
            this.store = store;
            this.state = state;
        }
    }

    /** One state's values: one map per key group, addressed by the backend's current key. */
    static final class Store<K, V> {
        private final HeapKeyedStateBackend<K> backend;
        final Map<K, V>[] groups;

        @SuppressWarnings("unchecked")
        Store(HeapKeyedStateBackend<K> backend, int keyGroups) {
            this.backend = backend;
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

        V get() {
            Map<K, V> group = group(false);
            return group == null ? null : group.get(backend.currentKey);
        }

        void put(V value) {
            group(true).put(backend.currentKey, value);
        }

        void remove() {
            Map<K, V> group = group(false);
            if (group != null) {
                group.remove(backend.currentKey);
            }
        }
    }

    static final class HeapValueState<K, V> implements ValueState<V> {
        private final Store<K, V> store;
        private final V defaultValue;

        HeapValueState(Store<K, V> store, V defaultValue) {
            this.store = store;
            this.defaultValue = defaultValue;
        }

        @Override
        public V value() {
            V value = store.get();
            return value != null ? value : defaultValue;
        }

        @Override
        public void update(V value) {
            if (value == null) {
                store.remove();
            } else {
                store.put(value);
            }
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class HeapListState<K, T> implements ListState<T> {
        private final Store<K, ArrayList<T>> store;

        HeapListState(Store<K, ArrayList<T>> store) {
            this.store = store;
        }

        @Override
        public Iterable<T> get() {
            ArrayList<T> list = store.get();
            return list == null ? java.util.Collections.emptyList() : list;
        }

        @Override
        public void add(T value) {
            Objects.requireNonNull(value, "ListState does not take null values");
            ArrayList<T> list = store.get();
            if (list == null) {
                list = new ArrayList<>();
                store.put(list);
            }
            list.add(value);
        }

        @Override
        public void update(List<T> values) {
            if (values == null || values.isEmpty()) {
                store.remove();
                return;
            }
            ArrayList<T> list = new ArrayList<>(values.size());
            for (T value : values) {
                list.add(Objects.requireNonNull(value, "ListState does not take null values"));
            }
            store.put(list);
        }

        @Override
        public void addAll(List<T> values) {
            if (values != null) {
                for (T value : values) {
                    add(value);
                }
            }
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class HeapReducingState<K, T> implements ReducingState<T> {
        private final Store<K, T> store;
        private final ReduceFunction<T> reduceFunction;

        HeapReducingState(Store<K, T> store, ReduceFunction<T> reduceFunction) {
            this.store = store;
            this.reduceFunction = reduceFunction;
        }

        @Override
        public T get() {
            return store.get();
        }

        @Override
        public void add(T value) throws Exception {
            T current = store.get();
            store.put(current == null ? value : reduceFunction.reduce(current, value));
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class HeapAggregatingState<K, IN, ACC, OUT> implements AggregatingState<IN, OUT> {
        private final Store<K, ACC> store;
        private final AggregateFunction<IN, ACC, OUT> function;

        HeapAggregatingState(Store<K, ACC> store, AggregateFunction<IN, ACC, OUT> function) {
            this.store = store;
            this.function = function;
        }

        @Override
        public OUT get() {
            ACC accumulator = store.get();
            return accumulator == null ? null : function.getResult(accumulator);
        }

        @Override
        public void add(IN value) {
            ACC accumulator = store.get();
            store.put(function.add(value, accumulator == null ? function.createAccumulator() : accumulator));
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class HeapMapState<K, UK, UV> implements MapState<UK, UV> {
        private final Store<K, HashMap<UK, UV>> store;

        HeapMapState(Store<K, HashMap<UK, UV>> store) {
            this.store = store;
        }

        private HashMap<UK, UV> map(boolean create) {
            HashMap<UK, UV> map = store.get();
            if (map == null && create) {
                map = new HashMap<>();
                store.put(map);
            }
            return map;
        }

        @Override
        public UV get(UK key) {
            HashMap<UK, UV> map = map(false);
            return map == null ? null : map.get(key);
        }

        @Override
        public void put(UK key, UV value) {
            map(true).put(key, value);
        }

        @Override
        public void putAll(Map<UK, UV> values) {
            if (values != null && !values.isEmpty()) {
                map(true).putAll(values);
            }
        }

        @Override
        public void remove(UK key) {
            HashMap<UK, UV> map = map(false);
            if (map != null) {
                map.remove(key);
                if (map.isEmpty()) {
                    store.remove();
                }
            }
        }

        @Override
        public boolean contains(UK key) {
            HashMap<UK, UV> map = map(false);
            return map != null && map.containsKey(key);
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            HashMap<UK, UV> map = map(false);
            return map == null ? java.util.Collections.emptySet() : map.entrySet();
        }

        @Override
        public Iterable<UK> keys() {
            HashMap<UK, UV> map = map(false);
            return map == null ? java.util.Collections.emptySet() : map.keySet();
        }

        @Override
        public Iterable<UV> values() {
            HashMap<UK, UV> map = map(false);
            return map == null ? java.util.Collections.emptyList() : map.values();
        }

        @Override
        public java.util.Iterator<Map.Entry<UK, UV>> iterator() {
            return entries().iterator();
        }

        @Override
        public boolean isEmpty() {
            HashMap<UK, UV> map = map(false);
            return map == null || map.isEmpty();
        }

        @Override
        public void clear() {
            store.remove();
        }
    }
}
