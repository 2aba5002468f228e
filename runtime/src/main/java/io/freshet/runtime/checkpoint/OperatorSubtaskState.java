package io.freshet.runtime.checkpoint;

import java.io.Serializable;

import io.freshet.runtime.state.KeyGroupsStateHandle;

/**
 * What one operator of one subtask wrote in a checkpoint: its keyed state and its own (operator) state; for the head
 * operator of a chain, also the subtask's in-flight data of an unaligned checkpoint.
 */
public final class OperatorSubtaskState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeyGroupsStateHandle keyedState;
    private final byte[] operatorState;
    private final InFlightData inFlightData;

    /** Either may be null (no keyed state, no operator state). */
    public OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState) {
        this(keyedState, operatorState, null);
    }

    /** Any may be null. */
    public OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState, InFlightData inFlightData) {
        this.keyedState = keyedState;
        this.operatorState = operatorState;
        this.inFlightData = inFlightData == null || inFlightData.isEmpty() ? null : inFlightData;
    }

    /** The subtask's in-flight data of an unaligned checkpoint (kept with its head operator), or null. */
    public InFlightData getInFlightData() {
        return inFlightData;
    }

    public KeyGroupsStateHandle getKeyedState() {
        return keyedState;
    }

    public byte[] getOperatorState() {
        return operatorState;
    }

    public long getStateSize() {
        return (keyedState == null ? 0 : keyedState.getStateSize()) + (operatorState == null ? 0 : operatorState.length)
                + (inFlightData == null ? 0 : inFlightData.getSize());
    }

    public boolean isEmpty() {
        return keyedState == null && operatorState == null && inFlightData == null;
    }
}
