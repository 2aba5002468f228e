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
    private io.freshet.api.common.ExecutionConfig executionConfig = new io.freshet.api.common.ExecutionConfig();
    private ClassLoader classLoader = HeapKeyedStateBackend.class.getClassLoader();
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(TypeSerializer<K> keySerializer, int maxParallelism, KeyGroupRange keyGroupRange) {
        this.keySerializer = Objects.requireNonNull(keySerializer, "keySerializer");
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = Objects.requireNonNull(keyGroupRange, "keyGroupRange");
    }

    /** The job's execution config (serializers of states given by type) and user-code class loader (restores). */
    public void setExecutionConfig(io.freshet.api.common.ExecutionConfig executionConfig, ClassLoader classLoader) {
        this.executionConfig = Objects.requireNonNull(executionConfig, "executionConfig");
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
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
    private <S> S state(io.freshet.api.common.state.StateDescriptor<?, ?> descriptor, Class<?> kind,
            java.util.function.Function<Store<K, Object>, S> create) {
        String name = descriptor.getName();
        Registered registered = states.get(name);
        if (registered == null) {
            Store<K, Object> store = new Store<>(this, keyGroupRange.getNumberOfKeyGroups());
            registered = new Registered(kind, store, null, ttlOf(descriptor) != null, serializersOf(descriptor));
            registered.state = create.apply(store);
            states.put(name, registered);
        } else if (registered.kind != kind) {
            throw new IllegalStateException("The state '" + name + "' is a " + registered.kind.getSimpleName()
                    + " and cannot also be a " + kind.getSimpleName() + "; give each state its own name.");
        } else if (registered.state == null) {
            registered.state = create.apply((Store<K, Object>) registered.store);
            adoptRestored(name, registered, descriptor);
        }
        return (S) registered.state;
    }

    /** The serializers a state's values are written with (a map state: its keys' and its values'). */
    private TypeSerializer<?>[] serializersOf(io.freshet.api.common.state.StateDescriptor<?, ?> descriptor) {
        descriptor.initializeSerializerUnlessSet(executionConfig);
        if (descriptor instanceof ListStateDescriptor) {
            return new TypeSerializer<?>[] {((ListStateDescriptor<?>) descriptor).getElementSerializer()};
        }
        if (descriptor instanceof MapStateDescriptor) {
            MapStateDescriptor<?, ?> map = (MapStateDescriptor<?, ?>) descriptor;
            return new TypeSerializer<?>[] {map.getKeySerializer(), map.getValueSerializer()};
        }
        return new TypeSerializer<?>[] {descriptor.getSerializer()};
    }

    /**
     * The program asks for a state that was restored: its serializers must read what the checkpoint holds, and its
     * time-to-live setting must be the same.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void adoptRestored(String name, Registered registered,
            io.freshet.api.common.state.StateDescriptor<?, ?> descriptor) {
        boolean ttl = ttlOf(descriptor) != null;
        if (ttl != registered.ttl) {
            throw new IllegalStateException("The keyed state '" + name + "' was checkpointed " + (registered.ttl
                    ? "with" : "without") + " a time-to-live and is now asked for " + (ttl ? "with" : "without")
                    + " one; changing the time-to-live setting of a state needs a new state name.");
        }
        TypeSerializer<?>[] serializers = serializersOf(descriptor);
        for (int i = 0; i < serializers.length; i++) {
            io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility<?> compatibility =
                    ((io.freshet.api.common.typeutils.TypeSerializerSnapshot) serializers[i].snapshotConfiguration())
                            .resolveSchemaCompatibility(registered.restoredSnapshots[i]);
            if (compatibility.isIncompatible()) {
                throw new IllegalStateException("The keyed state '" + name + "' in the checkpoint was written with a"
                        + " serializer (" + registered.restoredSnapshots[i].getClass().getName() + ") that the"
                        + " program's serializer " + serializers[i].getClass().getName() + " cannot read: the state's"
                        + " type changed incompatibly. Restore with the old type, or use a new state name.");
            }
        }
        if (java.util.Arrays.stream(serializers).allMatch(java.util.Objects::nonNull)) {
            // from now on the values are written with the program's serializers
            registered.serializers = serializers;
            registered.codec = StateCodec.of(registered.kind, registered.ttl, serializers);
            registered.restoredSnapshots = null;
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor, ValueState.class, store -> ttl != null
                ? new TtlStates.TtlValueState<>((Store) store, descriptor.getDefaultValue(), ttl)
                : new HeapValueState<>((Store) store, descriptor.getDefaultValue()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor, ListState.class, store -> ttl != null
                ? new TtlStates.TtlListState<>((Store) store, ttl) : new HeapListState<>((Store) store));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor, ReducingState.class, store -> ttl != null
                ? new TtlStates.TtlReducingState<>((Store) store, descriptor.getReduceFunction(), ttl)
                : new HeapReducingState<>((Store) store, descriptor.getReduceFunction()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor, AggregatingState.class, store -> ttl != null
                ? new TtlStates.TtlAggregatingState<>((Store) store, descriptor.getAggregateFunction(), ttl)
                : new HeapAggregatingState<>((Store) store, descriptor.getAggregateFunction()));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        TtlStates.Ttl ttl = ttlOf(descriptor);
        return state(descriptor, MapState.class, store -> ttl != null
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
        for (Map<?, Object> group : registered.store.groups) {
            if (group != null) {
                keys.addAll((java.util.Set<K>) group.keySet());
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
    @SuppressWarnings("unchecked")
    public int numberOfKeys() {
        java.util.Set<K> keys = new java.util.HashSet<>();
        for (Registered registered : states.values()) {
            for (Map<?, Object> group : registered.store.groups) {
                if (group != null) {
                    keys.addAll((java.util.Set<K>) group.keySet());
                }
            }
        }
        return keys.size();
    }

    // ---- checkpoints ----

    private static final int SNAPSHOT_VERSION = 1;
    /** Snapshots are cut into chunks of about this size (below G1's humongous-object threshold). */
    private static final int SNAPSHOT_CHUNK_BYTES = 256 * 1024;

    /** Snapshots whose values are still being written (task thread). */
    private final List<KeyedSnapshot> snapshotsInProgress = new ArrayList<>();
    /**
     * Key groups that a snapshot in progress has not serialized yet: the task serializes one itself before it first
     * touches it (task thread).
     */
    private boolean[] unserializedGroups;

    /**
     * Writes every state, key group by key group, now, in the calling thread (see {@link #snapshotAsync()}); null
     * when there is no keyed state.
     */
    public io.freshet.runtime.state.KeyGroupsStateHandle snapshot() throws java.io.IOException {
        KeyedSnapshot snapshot = snapshotAsync();
        try {
            return snapshot == null ? null : snapshot.write(null);
        } finally {
            if (snapshot != null) {
                snapshotWritten(snapshot);
            }
        }
    }

    /**
     * Takes a snapshot to be written by another thread: in the task thread, only the header (states and their
     * serializers) is written and the key groups' maps are noted as they are; {@link KeyedSnapshot#write} then
     * serializes them, key group by key group, with serializers of its own while the task goes on. A key group the
     * task touches (reads or writes) before the writer got to it is serialized by the task first, so the snapshot
     * holds every key group as it was and no map is ever copied. Call {@link #snapshotWritten} in the task thread
     * when it is written (or given up). Null when there is no keyed state.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public KeyedSnapshot snapshotAsync() throws java.io.IOException {
        if (states.isEmpty()) {
            return null;
        }
        io.freshet.core.memory.DataOutputSerializer header = new io.freshet.core.memory.DataOutputSerializer(1024);
        header.writeInt(SNAPSHOT_VERSION);
        io.freshet.runtime.state.StateSerializerCheck.writeSerializer(header, keySerializer);
        header.writeInt(states.size());
        List<Map<Object, Object>[]> groups = new ArrayList<>(states.size());
        List<StateCodec> codecs = new ArrayList<>(states.size());
        List<StateCodec> taskCodecs = new ArrayList<>(states.size());
        for (Map.Entry<String, Registered> entry : states.entrySet()) {
            Registered registered = entry.getValue();
            header.writeUTF(entry.getKey());
            header.writeUTF(registered.kind.getName());
            header.writeBoolean(registered.ttl);
            header.writeInt(registered.serializers.length);
            TypeSerializer<?>[] own = new TypeSerializer<?>[registered.serializers.length];
            for (int i = 0; i < registered.serializers.length; i++) {
                if (registered.restoredSnapshots != null) {
                    io.freshet.api.common.typeutils.TypeSerializerSnapshot.writeVersionedSnapshot(header,
                            registered.restoredSnapshots[i]);
                } else {
                    io.freshet.runtime.state.StateSerializerCheck.writeSerializer(header, registered.serializers[i]);
                }
                own[i] = registered.serializers[i].duplicate();
            }
            groups.add((Map<Object, Object>[]) (Map[]) registered.store.groups.clone());
            codecs.add(StateCodec.of(registered.kind, registered.ttl, own));
            taskCodecs.add(registered.codec);
        }
        KeyedSnapshot snapshot = new KeyedSnapshot(keyGroupRange, (TypeSerializer<Object>) keySerializer.duplicate(),
                (TypeSerializer<Object>) keySerializer, header.getCopyOfBuffer(), groups, codecs, taskCodecs);
        snapshotsInProgress.add(snapshot);
        if (unserializedGroups == null) {
            unserializedGroups = new boolean[keyGroupRange.getNumberOfKeyGroups()];
        }
        java.util.Arrays.fill(unserializedGroups, true);
        return snapshot;
    }

    /** A snapshot taken with {@link #snapshotAsync()} is written (or given up). */
    public void snapshotWritten(KeyedSnapshot snapshot) {
        snapshotsInProgress.remove(snapshot);
        if (snapshotsInProgress.isEmpty() && unserializedGroups != null) {
            java.util.Arrays.fill(unserializedGroups, false);
        }
    }

    /** The task is about to touch key group {@code index}: the snapshots in progress take it as it is first. */
    private void beforeTouching(int index) {
        for (KeyedSnapshot snapshot : snapshotsInProgress) {
            snapshot.serializeFromTaskThread(index);
        }
        unserializedGroups[index] = false;
    }

    /**
     * The key groups of a snapshot, written by one writer thread; the task thread serializes a key group itself when
     * it is about to touch it before the writer got to it. Each key group is serialized once, by whichever thread
     * claims it first (a compare-and-set per key group); a thread that finds it claimed by the other waits for it.
     */
    public static final class KeyedSnapshot {
        private static final int PENDING = 0;
        private static final int CLAIMED = 1;
        private static final int SERIALIZED = 2;

        private final KeyGroupRange keyGroupRange;
        private final TypeSerializer<Object> keySerializer;
        private final TypeSerializer<Object> taskKeySerializer;
        private final byte[] header;
        private final List<Map<Object, Object>[]> groups;
        private final List<StateCodec> codecs;
        private final List<StateCodec> taskCodecs;
        private final java.util.concurrent.atomic.AtomicIntegerArray progress;
        /** Key groups the task thread serialized (published by {@link #progress}). */
        private final byte[][] serializedByTask;

        private KeyedSnapshot(KeyGroupRange keyGroupRange, TypeSerializer<Object> keySerializer,
                TypeSerializer<Object> taskKeySerializer, byte[] header, List<Map<Object, Object>[]> groups,
                List<StateCodec> codecs, List<StateCodec> taskCodecs) {
            this.keyGroupRange = keyGroupRange;
            this.keySerializer = keySerializer;
            this.taskKeySerializer = taskKeySerializer;
            this.header = header;
            this.groups = groups;
            this.codecs = codecs;
            this.taskCodecs = taskCodecs;
            this.progress = new java.util.concurrent.atomic.AtomicIntegerArray(keyGroupRange.getNumberOfKeyGroups());
            this.serializedByTask = new byte[keyGroupRange.getNumberOfKeyGroups()][];
        }

        /** Task thread: key group {@code g} as it is now, unless the writer has it (then waits until it is done). */
        void serializeFromTaskThread(int g) {
            if (progress.compareAndSet(g, PENDING, CLAIMED)) {
                io.freshet.core.memory.DataOutputSerializer out = new io.freshet.core.memory.DataOutputSerializer(256);
                try {
                    serializeGroup(g, taskKeySerializer, taskCodecs, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("could not snapshot key group " + g, e);
                }
                serializedByTask[g] = out.getCopyOfBuffer();
                progress.set(g, SERIALIZED);
                return;
            }
            while (progress.get(g) != SERIALIZED) {
                Thread.onSpinWait(); // the writer is serializing it: one key group, briefly
            }
        }

        private void serializeGroup(int g, TypeSerializer<Object> keys, List<StateCodec> valueCodecs,
                io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
            for (int s = 0; s < groups.size(); s++) {
                Map<Object, Object> group = groups.get(s)[g];
                if (group == null) {
                    out.writeInt(0);
                    continue;
                }
                StateCodec codec = valueCodecs.get(s);
                out.writeInt(group.size());
                for (Map.Entry<Object, Object> entry : group.entrySet()) {
                    keys.serialize(entry.getKey(), out);
                    codec.write(entry.getValue(), out);
                }
            }
        }

        /**
         * Serializes the key groups in chunks of about 256 KB, a key group never spanning two: kept in memory when
         * {@code file} is null, else written one after another into {@code file} (which must not exist), and the
         * handle names the file and where each chunk lies in it.
         */
        public io.freshet.runtime.state.KeyGroupsStateHandle write(io.freshet.core.fs.Path file)
                throws java.io.IOException {
            io.freshet.core.memory.DataOutputSerializer out = new io.freshet.core.memory.DataOutputSerializer(
                    2 * SNAPSHOT_CHUNK_BYTES);
            out.write(header);
            int[] offsets = new int[keyGroupRange.getNumberOfKeyGroups()];
            int[] chunkOf = new int[offsets.length];
            ChunkSink chunks = new ChunkSink(file);
            boolean done = false;
            try {
                for (int g = 0; g < offsets.length; g++) {
                    if (out.length() >= SNAPSHOT_CHUNK_BYTES) {
                        chunks.add(out); // key groups never span chunks
                        out.clear();
                    }
                    chunkOf[g] = chunks.count();
                    offsets[g] = out.length();
                    if (progress.compareAndSet(g, PENDING, CLAIMED)) {
                        serializeGroup(g, keySerializer, codecs, out);
                        progress.set(g, SERIALIZED);
                    } else {
                        while (progress.get(g) != SERIALIZED) {
                            Thread.onSpinWait(); // the task is serializing it before it touches it
                        }
                        out.write(serializedByTask[g]);
                        serializedByTask[g] = null;
                    }
                }
                chunks.add(out);
                io.freshet.runtime.state.KeyGroupsStateHandle handle = chunks.handle(keyGroupRange, chunkOf, offsets);
                done = true;
                return handle;
            } finally {
                chunks.close(!done);
            }
        }
    }

    /** Where the chunks of a snapshot go: a list in memory, or one file. */
    private static final class ChunkSink {
        private final io.freshet.core.fs.Path file;
        private final List<byte[]> inMemory = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private final List<Integer> checksums = new ArrayList<>();
        private final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        private io.freshet.core.fs.FSDataOutputStream stream;
        private long position;

        ChunkSink(io.freshet.core.fs.Path file) {
            this.file = file;
        }

        void add(io.freshet.core.memory.DataOutputSerializer chunk) throws java.io.IOException {
            if (file == null) {
                inMemory.add(chunk.getCopyOfBuffer());
                return;
            }
            if (stream == null) {
                stream = file.getFileSystem().create(file, io.freshet.core.fs.FileSystem.WriteMode.NO_OVERWRITE);
            }
            stream.write(chunk.getSharedBuffer(), 0, chunk.length());
            crc.reset();
            crc.update(chunk.getSharedBuffer(), 0, chunk.length());
            checksums.add((int) crc.getValue());
            starts.add(position);
            lengths.add(chunk.length());
            position += chunk.length();
        }

        int count() {
            return file == null ? inMemory.size() : starts.size();
        }

        io.freshet.runtime.state.KeyGroupsStateHandle handle(KeyGroupRange range, int[] chunkOf, int[] offsets)
                throws java.io.IOException {
            if (file == null) {
                return new io.freshet.runtime.state.KeyGroupsStateHandle(range, chunkOf, offsets,
                        inMemory.toArray(new byte[0][]));
            }
            stream.close();
            stream = null;
            return new io.freshet.runtime.state.KeyGroupsStateHandle(range, chunkOf, offsets, file.toString(),
                    starts.stream().mapToLong(Long::longValue).toArray(),
                    lengths.stream().mapToInt(Integer::intValue).toArray(),
                    checksums.stream().mapToInt(Integer::intValue).toArray());
        }

        void close(boolean failed) {
            if (stream == null) {
                return;
            }
            try {
                stream.close();
            } catch (java.io.IOException e) {
                // failed anyway: the file goes
            }
            if (failed) {
                try {
                    file.getFileSystem().delete(file, false);
                } catch (java.io.IOException e) {
                    // left for the checkpoint directory's cleanup
                }
            }
        }
    }

    /**
     * Reads the key groups this backend owns from the snapshots of a checkpoint (one per subtask that wrote keyed
     * state, at any parallelism). The values are read with the serializers they were written with; when the program
     * asks for a state, its serializers must be able to read them.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restore(List<io.freshet.runtime.state.KeyGroupsStateHandle> handles) throws java.io.IOException {
        for (io.freshet.runtime.state.KeyGroupsStateHandle handle : handles) {
            KeyGroupRange overlap = handle.getKeyGroupRange().getIntersection(keyGroupRange);
            if (overlap.getNumberOfKeyGroups() == 0) {
                continue;
            }
            io.freshet.core.memory.DataInputDeserializer in =
                    new io.freshet.core.memory.DataInputDeserializer(handle.getHeaderChunk());
            int version = in.readInt();
            if (version != SNAPSHOT_VERSION) {
                throw new java.io.IOException("The checkpoint holds keyed state in format version " + version
                        + ", which this Freshet cannot read (it reads " + SNAPSHOT_VERSION + ").");
            }
            TypeSerializer<K> keyReader = io.freshet.runtime.state.StateSerializerCheck.readSerializerFor(in,
                    keySerializer, "key of the keyed state", classLoader);
            int count = in.readInt();
            Registered[] order = new Registered[count];
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                Class<?> kind = kindOf(in.readUTF());
                boolean ttl = in.readBoolean();
                io.freshet.api.common.typeutils.TypeSerializerSnapshot<?>[] snapshots =
                        new io.freshet.api.common.typeutils.TypeSerializerSnapshot<?>[in.readInt()];
                TypeSerializer<?>[] serializers = new TypeSerializer<?>[snapshots.length];
                for (int s = 0; s < snapshots.length; s++) {
                    snapshots[s] = io.freshet.api.common.typeutils.TypeSerializerSnapshot.readVersionedSnapshot(in,
                            classLoader);
                    serializers[s] = snapshots[s].restoreSerializer();
                }
                Registered registered = states.get(name);
                if (registered == null) {
                    registered = new Registered(kind, new Store<>(this, keyGroupRange.getNumberOfKeyGroups()), null,
                            ttl, serializers);
                    registered.restoredSnapshots = snapshots;
                    states.put(name, registered);
                } else if (registered.kind != kind || registered.ttl != ttl) {
                    throw new java.io.IOException("The keyed state '" + name + "' is a " + kind.getSimpleName()
                            + " in one part of the checkpoint and a " + registered.kind.getSimpleName() + " in"
                            + " another: the checkpoint is inconsistent.");
                }
                order[i] = registered;
            }
            for (int keyGroup = overlap.getStartKeyGroup(); keyGroup <= overlap.getEndKeyGroup(); keyGroup++) {
                in.setBuffer(handle.getChunk(keyGroup));
                in.setPosition(handle.getOffset(keyGroup));
                int index = keyGroup - keyGroupRange.getStartKeyGroup();
                for (Registered registered : order) {
                    int entries = in.readInt();
                    if (entries == 0) {
                        continue;
                    }
                    Map<Object, Object> group = (Map<Object, Object>) registered.store.groups[index];
                    if (group == null) {
                        group = new HashMap<>();
                        ((Map[]) registered.store.groups)[index] = group;
                    }
                    for (int e = 0; e < entries; e++) {
                        group.put(keyReader.deserialize(in), registered.codec.read(in));
                    }
                }
            }
        }
    }

    private static Class<?> kindOf(String name) throws java.io.IOException {
        for (Class<?> kind : new Class<?>[] {ValueState.class, ListState.class, ReducingState.class,
                AggregatingState.class, MapState.class}) {
            if (kind.getName().equals(name)) {
                return kind;
            }
        }
        throw new java.io.IOException("unknown kind of keyed state in the checkpoint: " + name);
    }

    /** How the values of one state are written: plain, a list, a map, each possibly with time-to-live stamps. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private abstract static class StateCodec {
        abstract void write(Object value, io.freshet.core.memory.DataOutputView out) throws java.io.IOException;

        abstract Object read(io.freshet.core.memory.DataInputView in) throws java.io.IOException;

        static StateCodec of(Class<?> kind, boolean ttl, TypeSerializer<?>[] serializers) {
            if (kind == ListState.class) {
                return list(element(serializers[0], ttl));
            }
            if (kind == MapState.class) {
                return map((TypeSerializer<Object>) serializers[0], element(serializers[1], ttl));
            }
            return element(serializers[0], ttl);
        }

        private static StateCodec element(TypeSerializer<?> serializer, boolean ttl) {
            TypeSerializer<Object> plain = (TypeSerializer<Object>) serializer;
            StateCodec codec = new StateCodec() {
                @Override
                void write(Object value, io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
                    plain.serialize(value, out);
                }

                @Override
                Object read(io.freshet.core.memory.DataInputView in) throws java.io.IOException {
                    return plain.deserialize(in);
                }
            };
            if (!ttl) {
                return codec;
            }
            return new StateCodec() {
                @Override
                void write(Object value, io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
                    TtlStates.TtlValue<Object> stamped = (TtlStates.TtlValue<Object>) value;
                    out.writeLong(stamped.lastAccess);
                    codec.write(stamped.value, out);
                }

                @Override
                Object read(io.freshet.core.memory.DataInputView in) throws java.io.IOException {
                    long lastAccess = in.readLong();
                    return new TtlStates.TtlValue<>(codec.read(in), lastAccess);
                }
            };
        }

        private static StateCodec list(StateCodec elements) {
            return new StateCodec() {
                @Override
                void write(Object value, io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
                    List<Object> list = (List<Object>) value;
                    out.writeInt(list.size());
                    for (Object element : list) {
                        elements.write(element, out);
                    }
                }

                @Override
                Object read(io.freshet.core.memory.DataInputView in) throws java.io.IOException {
                    int size = in.readInt();
                    ArrayList<Object> list = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        list.add(elements.read(in));
                    }
                    return list;
                }
            };
        }

        private static StateCodec map(TypeSerializer<Object> keys, StateCodec values) {
            return new StateCodec() {
                @Override
                void write(Object value, io.freshet.core.memory.DataOutputView out) throws java.io.IOException {
                    Map<Object, Object> map = (Map<Object, Object>) value;
                    out.writeInt(map.size());
                    for (Map.Entry<Object, Object> entry : map.entrySet()) {
                        keys.serialize(entry.getKey(), out);
                        values.write(entry.getValue(), out);
                    }
                }

                @Override
                Object read(io.freshet.core.memory.DataInputView in) throws java.io.IOException {
                    int size = in.readInt();
                    HashMap<Object, Object> map = new HashMap<>(Math.max(4, size * 2));
                    for (int i = 0; i < size; i++) {
                        map.put(keys.deserialize(in), values.read(in));
                    }
                    return map;
                }
            };
        }
    }

    private static final class Registered {
        final Class<?> kind;
        final Store<?, Object> store;
        /** The state object; null for a state restored from a checkpoint that the program has not asked for yet. */
        Object state;
        /** Whether the values carry a time-to-live timestamp. */
        final boolean ttl;
        /** The serializers of the values (one, or key and value of a map state) and how a value is written. */
        TypeSerializer<?>[] serializers;
        StateCodec codec;
        /** Serializer snapshots the restored values were written with (checked when the state is registered). */
        io.freshet.api.common.typeutils.TypeSerializerSnapshot<?>[] restoredSnapshots;

        Registered(Class<?> kind, Store<?, Object> store, Object state, boolean ttl, TypeSerializer<?>[] serializers) {
            this.kind = kind;
            this.store = store;
            this.state = state;
            this.ttl = ttl;
            this.serializers = serializers;
            this.codec = StateCodec.of(kind, ttl, serializers);
        }
    }

    /**
     * One state's values: one map per key group, addressed by the backend's current key. Before the task touches a
     * key group that a snapshot in progress has not serialized yet, the snapshot takes it (a read too: the task may
     * change a value object it got).
     */
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
            int index = backend.currentKeyGroupIndex;
            boolean[] unserialized = backend.unserializedGroups;
            if (unserialized != null && unserialized[index]) {
                backend.beforeTouching(index);
            }
            Map<K, V> group = groups[index];
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
