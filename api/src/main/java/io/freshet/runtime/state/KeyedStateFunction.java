package io.freshet.runtime.state;

import io.freshet.api.common.state.State;

/** Applied to the state of every key ({@code applyToKeyedState} of a keyed broadcast function). */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {

    void process(K key, S state) throws Exception;
}
