package io.freshet.streaming.api.operators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.ListState;
import io.freshet.api.common.state.ListStateDescriptor;
import io.freshet.api.common.state.MapStateDescriptor;
import io.freshet.api.common.state.OperatorStateStore;
import io.freshet.runtime.state.FunctionInitializationContext;

/**
 * The operator state of one operator instance, on the heap: lists (even-split and union) and broadcast maps, by name;
 * one kind per name. Filled from a checkpoint on restore (checkpoints come with the checkpointing work; until then
 * every start is fresh).
 */
final class HeapOperatorStateStore implements OperatorStateStore {

    private final Map<String, OperatorListState<?>> lists = new LinkedHashMap<>();
    private final Map<String, Boolean> unionLists = new LinkedHashMap<>();
    private final Map<String, HeapBroadcastState<?, ?>> broadcastStates = new LinkedHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) {
        return (BroadcastState<K, V>) broadcastStates.computeIfAbsent(stateDescriptor.getName(),
                name -> new HeapBroadcastState<>());
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
        return (ListState<S>) lists.computeIfAbsent(descriptor.getName(), name -> new OperatorListState<>());
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(lists.keySet());
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        return Collections.unmodifiableSet(broadcastStates.keySet());
    }

    /** The context a {@code CheckpointedFunction} is initialized with: nothing restored. */
    FunctionInitializationContext initializationContext(KeyedStateStore keyedStateStore) {
        return new FunctionInitializationContext() {
            @Override
            public OptionalLong getRestoredCheckpointId() {
                return OptionalLong.empty();
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
