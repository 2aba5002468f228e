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
    /** The subtask had finished when the checkpoint was taken: restored, it ends at once. */
    private final boolean finished;

    /** Either may be null (no keyed state, no operator state). */
    public OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState) {
        this(keyedState, operatorState, null);
    }

    /** Any may be null. */
    public OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState, InFlightData inFlightData) {
        this(keyedState, operatorState, inFlightData, false);
    }

    private OperatorSubtaskState(KeyGroupsStateHandle keyedState, byte[] operatorState, InFlightData inFlightData,
            boolean finished) {
        this.keyedState = keyedState;
        this.operatorState = operatorState;
        this.inFlightData = inFlightData == null || inFlightData.isEmpty() ? null : inFlightData;
        this.finished = finished;
    }

    /** The state of an operator whose subtask had finished when the checkpoint was taken (it holds nothing). */
    public static OperatorSubtaskState finishedState() {
        return new OperatorSubtaskState(null, null, null, true);
    }

    /** Whether the subtask had finished when the checkpoint was taken. */
    public boolean isFinished() {
        return finished;
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
        return keyedState == null && operatorState == null && inFlightData == null && !finished;
    }
}
