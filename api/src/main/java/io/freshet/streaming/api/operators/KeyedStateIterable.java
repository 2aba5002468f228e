package io.freshet.streaming.api.operators;

import io.freshet.api.common.state.State;
import io.freshet.api.common.state.StateDescriptor;
import io.freshet.runtime.state.KeyedStateFunction;

/** A keyed state backend that can visit the state of every key it holds (for {@code applyToKeyedState}). */
public interface KeyedStateIterable {

    /**
     * Calls {@code function} with each key that has a value in the state {@code descriptor} names, that key being
     * the current key meanwhile; the current key is restored afterwards.
     */
    <S extends State> void applyToAllKeys(StateDescriptor<S, ?> descriptor, KeyedStateFunction<Object, S> function)
            throws Exception;
}
