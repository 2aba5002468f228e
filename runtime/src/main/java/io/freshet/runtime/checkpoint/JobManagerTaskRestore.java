package io.freshet.runtime.checkpoint;

import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.freshet.runtime.state.KeyGroupsStateHandle;

/**
 * What a subtask restores, sent with its deployment: the checkpoint's id and, for each operator of the chain (by
 * operator id), the keyed state snapshots whose key groups overlap the subtask's and the operator states it gets
 * (its own first).
 */
public final class JobManagerTaskRestore implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long checkpointId;
    private final Map<String, List<KeyGroupsStateHandle>> keyedStates;
    private final Map<String, List<byte[]>> operatorStates;
    private final InFlightData inFlightData;
    private final boolean finishedOnRestore;

    public JobManagerTaskRestore(long checkpointId, Map<String, List<KeyGroupsStateHandle>> keyedStates,
            Map<String, List<byte[]>> operatorStates) {
        this(checkpointId, keyedStates, operatorStates, null);
    }

    /** @param inFlightData the subtask's in-flight data of an unaligned checkpoint; may be null */
    public JobManagerTaskRestore(long checkpointId, Map<String, List<KeyGroupsStateHandle>> keyedStates,
            Map<String, List<byte[]>> operatorStates, InFlightData inFlightData) {
        this(checkpointId, keyedStates, operatorStates, inFlightData, false);
    }

    /** @param finishedOnRestore the subtask had finished when the checkpoint was taken: it ends at once */
    public JobManagerTaskRestore(long checkpointId, Map<String, List<KeyGroupsStateHandle>> keyedStates,
            Map<String, List<byte[]>> operatorStates, InFlightData inFlightData, boolean finishedOnRestore) {
        this.checkpointId = checkpointId;
        this.keyedStates = keyedStates;
        this.operatorStates = operatorStates;
        this.inFlightData = inFlightData;
        this.finishedOnRestore = finishedOnRestore;
    }

    /** Whether the subtask had finished when the checkpoint was taken: restored, it ends at once, emitting nothing. */
    public boolean isFinishedOnRestore() {
        return finishedOnRestore;
    }

    /** The subtask's in-flight data of an unaligned checkpoint, or null. */
    public InFlightData getInFlightData() {
        return inFlightData;
    }

    public long getRestoreCheckpointId() {
        return checkpointId;
    }

    public List<KeyGroupsStateHandle> getKeyedStates(String operatorId) {
        return keyedStates.getOrDefault(operatorId, Collections.emptyList());
    }

    public List<byte[]> getOperatorStates(String operatorId) {
        return operatorStates.getOrDefault(operatorId, Collections.emptyList());
    }
}
