package io.freshet.streaming.api.operators;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.OperatorStateStore;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.core.memory.DataOutputView;
import io.freshet.runtime.state.FunctionInitializationContext;
import io.freshet.runtime.state.StateSerializerCheck;

/**
 * The operator state of one operator instance, on the heap: lists (even-split and union) and broadcast maps, by name;
 * one kind per name.
 *
 * <p>Checkpoints write each state as a section of its own (name, kind, serializer snapshot, elements), so that a
 * restore can read a section when the state is registered again, with the serializer the program gives then, and
 * carry sections of states the program no longer registers into the next checkpoint unchanged.
 */
final class HeapOperatorStateStore implements OperatorStateStore {

    private static final byte SPLIT_LIST = 0;
    private static final byte UNION_LIST = 1;
    private static final byte BROADCAST = 2;

    private final ExecutionConfig executionConfig;
    private final ClassLoader classLoader;
    private final String operatorName;
    private final Map<String, OperatorListState<?>> lists = new LinkedHashMap<>();
    private final Map<String, Boolean> unionLists = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();
    /** Sections of the restored checkpoint not registered (yet), by name: each old subtask's section. */
    private final Map<String, List<byte[]>> restored = new LinkedHashMap<>();
    private final Map<String, Byte> restoredKinds = new HashMap<>();
    private long restoredCheckpointId = -1;

    private int subtaskIndex;
    private int parallelism = 1;

    /** Which parallel instance this is: an even-split list restored at another parallelism takes its share. */
    void setSubtask(int subtaskIndex, int parallelism) {
        this.subtaskIndex = subtaskIndex;
        this.parallelism = Math.max(1, parallelism);
    }

    HeapOperatorStateStore(ExecutionConfig executionConfig, ClassLoader classLoader, String operatorName) {
        this.executionConfig = executionConfig == null ? new ExecutionConfig() : executionConfig;
        this.classLoader = classLoader == null ? getClass().getClassLoader() : classLoader;
        this.operatorName = operatorName;
    }

    HeapOperatorStateStore() {
        this(null, null, "operator");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
        HeapBroadcastState<K, V> state = (HeapBroadcastState<K, V>) broadcastStates.get(stateDescriptor.getName());
        if (state == null) {
            stateDescriptor.initializeSerializerUnlessSet(executionConfig);
            state = new HeapBroadcastState<>(stateDescriptor.getKeySerializer(), stateDescriptor.getValueSerializer());
            List<byte[]> sections = restored.remove(stateDescriptor.getName());
            if (sections != null) {
                // every subtask held the same broadcast state: one copy is all of it
                state.restore(sections.get(0), "broadcast state '" + stateDescriptor.getName() + "' of " + operatorName,
                        classLoader);
            }
            broadcastStates.put(stateDescriptor.getName(), state);
        }
        return state;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) {
        return list(stateDescriptor, false);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) {
        return list(stateDescriptor, true);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> list(ListStateDescriptor<S> descriptor, boolean union) {
        Boolean registeredAsUnion = unionLists.putIfAbsent(descriptor.getName(), union);
        if (registeredAsUnion != null && registeredAsUnion != union) {
            throw new IllegalStateException("The operator state '" + descriptor.getName() + "' is a "
                    + (registeredAsUnion ? "union list" : "list") + " state and cannot also be a "
                    + (union ? "union list" : "list") + " state; give each state its own name.");
        }
        OperatorListState<S> state = (OperatorListState<S>) lists.get(descriptor.getName());
        if (state == null) {
            descriptor.initializeSerializerUnlessSet(executionConfig);
            state = new OperatorListState<>(descriptor.getElementSerializer());
            List<byte[]> sections = restored.remove(descriptor.getName());
            if (sections != null) {
                String what = "operator state '" + descriptor.getName() + "' of " + operatorName;
                // a union list gets what every old subtask held; an even-split list its own part, or (at another
                // parallelism: every old part, in subtask order) every parallelism-th element of all of them
                for (byte[] section : sections) {
                    state.restore(section, what, classLoader);
                }
                if (!union && sections.size() > 1) {
                    state.keepShare(subtaskIndex, parallelism);
                }
            }
            lists.put(descriptor.getName(), state);
        }
        return state;
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(lists.keySet());
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        return Collections.unmodifiableSet(broadcastStates.keySet());
    }

    boolean isEmpty() {
        return lists.isEmpty() && broadcastStates.isEmpty() && restored.isEmpty();
    }

    /** Writes every state (and restored sections of states not registered again) to {@code out}. */
    void snapshot(DataOutputView out) throws IOException {
        out.writeInt(lists.size() + broadcastStates.size() + restored.size());
        DataOutputSerializer section = new DataOutputSerializer(256);
        for (Map.Entry<String, OperatorListState<?>> entry : lists.entrySet()) {
            section.clear();
            entry.getValue().write(section);
            writeSection(out, entry.getKey(), unionLists.get(entry.getKey()) ? UNION_LIST : SPLIT_LIST, section);
        }
        for (Map.Entry<String, HeapBroadcastState<?, ?>> entry : broadcastStates.entrySet()) {
            section.clear();
            entry.getValue().write(section);
            writeSection(out, entry.getKey(), BROADCAST, section);
        }
        for (Map.Entry<String, List<byte[]>> entry : restored.entrySet()) {
            byte kind = restoredKinds.get(entry.getKey());
            List<byte[]> sections = entry.getValue();
            for (int i = 0; i < (kind == SPLIT_LIST ? sections.size() : 1); i++) {
                // rare (a state the program stopped using): an even-split list keeps all its parts
                out.writeUTF(entry.getKey());
                out.writeByte(kind);
                out.writeInt(sections.get(i).length);
                out.write(sections.get(i));
            }
        }
    }

    private static void writeSection(DataOutputView out, String name, byte kind, DataOutputSerializer section)
            throws IOException {
        out.writeUTF(name);
        out.writeByte(kind);
        out.writeInt(section.length());
        out.write(section.getSharedBuffer(), 0, section.length());
    }

    /** The operator is restored from checkpoint {@code checkpointId} (whether or not it had state in it). */
    void markRestored(long checkpointId) {
        restoredCheckpointId = checkpointId;
    }

    /** Takes the sections written by {@link #snapshot}; they become states when registered. */
    void restore(DataInputDeserializer in, long checkpointId) throws IOException {
        restoredCheckpointId = checkpointId;
        int sections = in.readInt();
        for (int i = 0; i < sections; i++) {
            String name = in.readUTF();
            byte kind = in.readByte();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            restored.computeIfAbsent(name, n -> new ArrayList<>()).add(bytes);
            restoredKinds.put(name, kind);
        }
    }

    /** The context a {@code CheckpointedFunction} is initialized with. */
    FunctionInitializationContext initializationContext(KeyedStateStore keyedStateStore) {
        return new FunctionInitializationContext() {
            @Override
            public OptionalLong getRestoredCheckpointId() {
                return restoredCheckpointId < 0 ? OptionalLong.empty() : OptionalLong.of(restoredCheckpointId);
            }

            @Override
            public OperatorStateStore getOperatorStateStore() {
                return HeapOperatorStateStore.this;
            }

            @Override
            public KeyedStateStore getKeyedStateStore() {
                return keyedStateStore;
            }
        };
    }

    /** A list of one operator instance, not scoped to any key. */
    private static final class OperatorListState<S> implements ListState<S> {
        private final List<S> elements = new ArrayList<>();
        private final TypeSerializer<S> serializer;

        OperatorListState(TypeSerializer<S> serializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
        }

        void write(DataOutputView out) throws IOException {
            StateSerializerCheck.writeSerializer(out, serializer);
            out.writeInt(elements.size());
            for (S element : elements) {
                serializer.serialize(element, out);
            }
        }

        /** Keeps elements {@code index}, {@code index + parallelism}, ... (a rescaled restore's share). */
        void keepShare(int index, int parallelism) {
            List<S> share = new ArrayList<>();
            for (int i = index; i < elements.size(); i += parallelism) {
                share.add(elements.get(i));
            }
            elements.clear();
            elements.addAll(share);
        }

        void restore(byte[] section, String what, ClassLoader classLoader) {
            try {
                DataInputDeserializer in = new DataInputDeserializer(section);
                TypeSerializer<S> reader = StateSerializerCheck.readSerializerFor(in, serializer, what, classLoader);
                int size = in.readInt();
                for (int i = 0; i < size; i++) {
                    elements.add(reader.deserialize(in));
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot restore the " + what + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Iterable<S> get() {
            return elements;
        }

        @Override
        public void add(S value) {
            elements.add(Objects.requireNonNull(value, "ListState does not take null values"));
        }

        @Override
        public void update(List<S> values) {
            elements.clear();
            addAll(values);
        }

        @Override
        public void addAll(List<S> values) {
            if (values != null) {
                for (S value : values) {
                    add(value);
                }
            }
        }

        @Override
        public void clear() {
            elements.clear();
        }
    }
}
