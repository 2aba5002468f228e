package io.freshet.runtime.state.heap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.freshet.api.common.functions.AggregateFunction;
import io.freshet.api.common.functions.ReduceFunction;
import io.freshet.api.common.state.AggregatingState;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.MapState;
import io.freshet.api.common.state.ReducingState;
import io.freshet.api.common.state.StateTtlConfig;
import io.freshet.api.common.state.ValueState;
import io.freshet.runtime.state.heap.HeapKeyedStateBackend.Store;

/**
 * Heap state with a time to live: every value (list element, map entry) is stored with the processing time it was
 * last written (or read, with {@code OnReadAndWrite}); values older than the time to live are expired. Expired values
 * are removed when they are accessed; with {@code ReturnExpiredIfNotCleanedUp} they are still returned until then.
 */
final class TtlStates {

    private TtlStates() {}

    /** A value and when its time to live started. */
    static final class TtlValue<V> {
        final V value;
        long lastAccess;

        TtlValue(V value, long lastAccess) {
            this.value = value;
            this.lastAccess = lastAccess;
        }
    }

    /** The rules of one state's time to live. */
    static final class Ttl {
        private final long ttlMillis;
        private final boolean refreshOnRead;
        private final boolean returnExpired;
        private final LongSupplier clock;

        Ttl(StateTtlConfig config, LongSupplier clock) {
            this.ttlMillis = config.getTimeToLive().toMillis();
            this.refreshOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
            this.returnExpired = config.getStateVisibility()
                    == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
            this.clock = clock;
        }

        long now() {
            return clock.getAsLong();
        }

        boolean expired(TtlValue<?> value, long now) {
            return now - value.lastAccess >= ttlMillis;
        }

        /** The value to return on a read, or null when it is expired (and must be dropped). */
        <V> V read(TtlValue<V> stored, long now) {
            if (stored == null) {
                return null;
            }
            if (expired(stored, now)) {
                return returnExpired ? stored.value : null;
            }
            if (refreshOnRead) {
                stored.lastAccess = now;
            }
            return stored.value;
        }

        boolean dropOnRead(TtlValue<?> stored, long now) {
            return stored != null && !returnExpired && expired(stored, now);
        }
    }

    static final class TtlValueState<K, V> implements ValueState<V> {
        private final Store<K, TtlValue<V>> store;
        private final V defaultValue;
        private final Ttl ttl;

        TtlValueState(Store<K, TtlValue<V>> store, V defaultValue, Ttl ttl) {
            this.store = store;
            this.defaultValue = defaultValue;
            this.ttl = ttl;
        }

        @Override
        public V value() {
            long now = ttl.now();
            TtlValue<V> stored = store.get();
            if (ttl.dropOnRead(stored, now)) {
                store.remove();
                return defaultValue;
            }
            V value = ttl.read(stored, now);
            return value != null ? value : defaultValue;
        }

        @Override
        public void update(V value) {
            if (value == null) {
                store.remove();
            } else {
                store.put(new TtlValue<>(value, ttl.now()));
            }
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class TtlReducingState<K, T> implements ReducingState<T> {
        private final Store<K, TtlValue<T>> store;
        private final ReduceFunction<T> reduceFunction;
        private final Ttl ttl;

        TtlReducingState(Store<K, TtlValue<T>> store, ReduceFunction<T> reduceFunction, Ttl ttl) {
            this.store = store;
            this.reduceFunction = reduceFunction;
            this.ttl = ttl;
        }

        private T current(long now) {
            TtlValue<T> stored = store.get();
            if (ttl.dropOnRead(stored, now)) {
                store.remove();
                return null;
            }
            return ttl.read(stored, now);
        }

        @Override
        public T get() {
            return current(ttl.now());
        }

        @Override
        public void add(T value) throws Exception {
            long now = ttl.now();
            T current = current(now);
            store.put(new TtlValue<>(current == null ? value : reduceFunction.reduce(current, value), now));
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    static final class TtlAggregatingState<K, IN, ACC, OUT> implements AggregatingState<IN, OUT> {
        private final Store<K, TtlValue<ACC>> store;
        private final AggregateFunction<IN, ACC, OUT> function;
        private final Ttl ttl;

        TtlAggregatingState(Store<K, TtlValue<ACC>> store, AggregateFunction<IN, ACC, OUT> function, Ttl ttl) {
            this.store = store;
            this.function = function;
            this.ttl = ttl;
        }

        private ACC current(long now) {
            TtlValue<ACC> stored = store.get();
            if (ttl.dropOnRead(stored, now)) {
                store.remove();
                return null;
            }
            return ttl.read(stored, now);
        }

        @Override
        public OUT get() {
            ACC accumulator = current(ttl.now());
            return accumulator == null ? null : function.getResult(accumulator);
        }

        @Override
        public void add(IN value) {
            long now = ttl.now();
            ACC accumulator = current(now);
            store.put(new TtlValue<>(function.add(value, accumulator == null ? function.createAccumulator()
                    : accumulator), now));
        }

        @Override
        public void clear() {
            store.remove();
        }
    }

    /** Each element has its own time to live. */
    static final class TtlListState<K, T> implements ListState<T> {
        private final Store<K, ArrayList<TtlValue<T>>> store;
        private final Ttl ttl;

        TtlListState(Store<K, ArrayList<TtlValue<T>>> store, Ttl ttl) {
            this.store = store;
            this.ttl = ttl;
        }

        @Override
        public Iterable<T> get() {
            ArrayList<TtlValue<T>> list = store.get();
            if (list == null) {
                return Collections.emptyList();
            }
            long now = ttl.now();
            List<T> result = new ArrayList<>(list.size());
            for (Iterator<TtlValue<T>> it = list.iterator(); it.hasNext(); ) {
                TtlValue<T> element = it.next();
                if (ttl.dropOnRead(element, now)) {
                    it.remove();
                } else {
                    result.add(ttl.read(element, now));
                }
            }
            if (list.isEmpty()) {
                store.remove();
            }
            return result;
        }

        @Override
        public void add(T value) {
            Objects.requireNonNull(value, "ListState does not take null values");
            ArrayList<TtlValue<T>> list = store.get();
            if (list == null) {
                list = new ArrayList<>();
                store.put(list);
            }
            list.add(new TtlValue<>(value, ttl.now()));
        }

        @Override
        public void update(List<T> values) {
            if (values == null || values.isEmpty()) {
                store.remove();
                return;
            }
            long now = ttl.now();
            ArrayList<TtlValue<T>> list = new ArrayList<>(values.size());
            for (T value : values) {
                list.add(new TtlValue<>(Objects.requireNonNull(value, "ListState does not take null values"), now));
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

    /** Each entry has its own time to live; iteration gives the live entries (changes through it are not kept). */
    static final class TtlMapState<K, UK, UV> implements MapState<UK, UV> {
        private final Store<K, HashMap<UK, TtlValue<UV>>> store;
        private final Ttl ttl;

        TtlMapState(Store<K, HashMap<UK, TtlValue<UV>>> store, Ttl ttl) {
            this.store = store;
            this.ttl = ttl;
        }

        private HashMap<UK, TtlValue<UV>> map(boolean create) {
            HashMap<UK, TtlValue<UV>> map = store.get();
            if (map == null && create) {
                map = new HashMap<>();
                store.put(map);
            }
            return map;
        }

        @Override
        public UV get(UK key) {
            HashMap<UK, TtlValue<UV>> map = map(false);
            if (map == null) {
                return null;
            }
            long now = ttl.now();
            TtlValue<UV> stored = map.get(key);
            if (ttl.dropOnRead(stored, now)) {
                map.remove(key);
                if (map.isEmpty()) {
                    store.remove();
                }
                return null;
            }
            return ttl.read(stored, now);
        }

        @Override
        public void put(UK key, UV value) {
            map(true).put(key, new TtlValue<>(value, ttl.now()));
        }

        @Override
        public void putAll(Map<UK, UV> values) {
            if (values != null && !values.isEmpty()) {
                long now = ttl.now();
                HashMap<UK, TtlValue<UV>> map = map(true);
                values.forEach((key, value) -> map.put(key, new TtlValue<>(value, now)));
            }
        }

        @Override
        public void remove(UK key) {
            HashMap<UK, TtlValue<UV>> map = map(false);
            if (map != null) {
                map.remove(key);
                if (map.isEmpty()) {
                    store.remove();
                }
            }
        }

        @Override
        public boolean contains(UK key) {
            return get(key) != null;
        }

        /** The live entries now; expired ones are dropped on the way. */
        private Map<UK, UV> live() {
            HashMap<UK, TtlValue<UV>> map = map(false);
            if (map == null) {
                return Collections.emptyMap();
            }
            long now = ttl.now();
            Map<UK, UV> result = new LinkedHashMap<>();
            for (Iterator<Map.Entry<UK, TtlValue<UV>>> it = map.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<UK, TtlValue<UV>> entry = it.next();
                if (ttl.dropOnRead(entry.getValue(), now)) {
                    it.remove();
                } else {
                    result.put(entry.getKey(), ttl.read(entry.getValue(), now));
                }
            }
            if (map.isEmpty()) {
                store.remove();
            }
            return result;
        }

        @Override
        public Iterable<Map.Entry<UK, UV>> entries() {
            return live().entrySet();
        }

        @Override
        public Iterable<UK> keys() {
            return live().keySet();
        }

        @Override
        public Iterable<UV> values() {
            return live().values();
        }

        @Override
        public Iterator<Map.Entry<UK, UV>> iterator() {
            return entries().iterator();
        }

        @Override
        public boolean isEmpty() {
            return live().isEmpty();
        }

        @Override
        public void clear() {
            store.remove();
        }
    }
}
