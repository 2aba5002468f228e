package io.freshet.api.common.state;

import java.util.Set;

/** Non-keyed state of one parallel operator instance: lists redistributed on rescaling, and broadcast state. */
public interface OperatorStateStore {

    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception;

    /** A list split evenly among the instances when the parallelism changes. */
    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** A list every instance gets whole (all instances' elements together) when restored. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    Set<String> getRegisteredStateNames();

    Set<String> getRegisteredBroadcastStateNames();
}
