package io.freshet.runtime.state;

import java.util.OptionalLong;

import io.freshet.api.common.state.KeyedStateStore;
import io.freshet.api.common.state.OperatorStateStore;

/** What an operator's function gets to set up its state: the operator state and, on keyed streams, keyed state. */
public interface ManagedInitializationContext {

    /** Whether the state comes from a checkpoint or savepoint (false on a fresh start). */
    default boolean isRestored() {
        return getRestoredCheckpointId().isPresent();
    }

    OptionalLong getRestoredCheckpointId();

    OperatorStateStore getOperatorStateStore();

    /** The keyed state, or null on a non-keyed stream. */
    KeyedStateStore getKeyedStateStore();
}
