package io.freshet.streaming.api.operators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.MapStateDescriptor;

/** The broadcast states of one operator instance, by descriptor name; only the declared ones exist. */
final class BroadcastStates {

    private final Map<String, HeapBroadcastState<?, ?>> states = new HashMap<>();

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors) {
        for (MapStateDescriptor<?, ?> descriptor : descriptors) {
            states.put(descriptor.getName(), new HeapBroadcastState<>());
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        HeapBroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("The requested broadcast state '" + descriptor.getName() + "' does not"
                    + " exist; declared are " + states.keySet() + ". Check for typos in the state descriptor, or pass"
                    + " the descriptor to datastream.broadcast(...).");
        }
        return (BroadcastState<K, V>) state;
    }
}
