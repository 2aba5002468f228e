package io.freshet.api.common.state;

/** Where a function on a keyed stream gets its keyed state ({@code getRuntimeContext().getState(...)}). */
public interface KeyedStateStore {

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);
}
