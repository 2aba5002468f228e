package io.freshet.runtime.checkpoint;

import java.io.Serializable;

import io.freshet.runtime.state.KeyGroupsStateHandle;

/** What one operator of one subtask wrote in a checkpoint: its keyed state and its own (operator) state. */
public final class OperatorSubtaskState implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KeyGroupsStateHandle keyedState;
    private final byte[] operatorState;

    /** Either may be null (no keyed state, no operator state). */
    public OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState) {
        this.keyedState = keyedState;
        this.operatorState = operatorState;
    }

    public KeyGroupsStateHandle getKeyedState() {
        return keyedState;
    }

    public byte[] getOperatorState() {
        return operatorState;
    }

    public long getStateSize() {
        return (keyedState == null ? 0 : keyedState.getStateSize()) + (operatorState == null ? 0 : operatorState.length);
    }

    public boolean isEmpty() {
        return keyedState == null && operatorState == null;
    }
}
