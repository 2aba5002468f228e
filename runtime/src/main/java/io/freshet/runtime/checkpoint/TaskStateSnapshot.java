package io.freshet.runtime.checkpoint;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The states of the operators of one subtask in one checkpoint, by operator id (operators without state are left out). */
public final class TaskStateSnapshot implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, OperatorSubtaskState> operatorStates = new LinkedHashMap<>();

    public void putSubtaskStateByOperatorID(String operatorId, OperatorSubtaskState state) {
        operatorStates.put(operatorId, state);
    }

    public OperatorSubtaskState getSubtaskStateByOperatorID(String operatorId) {
        return operatorStates.get(operatorId);
    }

    public Map<String, OperatorSubtaskState> getSubtaskStateMappings() {
        return Collections.unmodifiableMap(operatorStates);
    }

    public long getStateSize() {
        long size = 0;
        for (OperatorSubtaskState state : operatorStates.values()) {
            size += state.getStateSize();
        }
        return size;
    }
}
