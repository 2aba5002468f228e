package io.freshet.streaming.api.operators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.state.BroadcastState;
import io.freshet.api.common.state.MapStateDescriptor;

/**
 * The broadcast states of one operator instance, by descriptor name; only the declared ones exist. They live in the
 * operator's state store, so checkpoints hold them (each instance's copy; a restore takes one).
 */
final class BroadcastStates {

    private final Map<String, BroadcastState<?, ?>> states = new HashMap<>();

    BroadcastStates(List<MapStateDescriptor<?, ?>> descriptors, io.freshet.api.common.state.OperatorStateStore store)
            throws Exception {
        for (MapStateDescriptor<?, ?> descriptor : descriptors) {
            states.put(descriptor.getName(), store.getBroadcastState(descriptor));
        }
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        BroadcastState<?, ?> state = states.get(descriptor.getName());
        if (state == null) {
            throw new IllegalArgumentException("The requested broadcast state '" + descriptor.getName() + "' does not"
                    + " exist; declared are " + states.keySet() + ". Check for typos in the state descriptor, or pass"
                    + " the descriptor to datastream.broadcast(...).");
        }
        return (BroadcastState<K, V>) state;
    }
}
