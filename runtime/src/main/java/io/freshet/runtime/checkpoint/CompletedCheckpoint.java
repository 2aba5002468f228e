package io.freshet.runtime.checkpoint;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

import io.freshet.runtime.jobgraph.JobVertexID;

/**
 * A checkpoint every task acknowledged: the state of every subtask, by vertex and subtask index, and the parallelism
 * each vertex had, so that a restore at another parallelism can map key groups and operator state.
 */
public final class CompletedCheckpoint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long checkpointId;
    private final long timestamp;
    private final long completionTimestamp;
    private final Map<JobVertexID, Map<Integer, TaskStateSnapshot>> taskStates;
    private final Map<JobVertexID, Integer> parallelisms;
    /** The states of the operator coordinators (split enumerators), by the id of the operator they belong to. */
    private final Map<String, byte[]> coordinatorStates;
    /** Whether this is a savepoint (never deleted by Freshet once written). */
    private boolean savepoint;
    /** Where the checkpoint's metadata lies (file-system storage), or null when it is kept in memory only. */
    private String externalPointer;

    public CompletedCheckpoint(long checkpointId, long timestamp, long completionTimestamp,
            Map<JobVertexID, Map<Integer, TaskStateSnapshot>> taskStates, Map<JobVertexID, Integer> parallelisms) {
        this(checkpointId, timestamp, completionTimestamp, taskStates, parallelisms, Map.of());
    }

    public CompletedCheckpoint(long checkpointId, long timestamp, long completionTimestamp,
            Map<JobVertexID, Map<Integer, TaskStateSnapshot>> taskStates, Map<JobVertexID, Integer> parallelisms,
            Map<String, byte[]> coordinatorStates) {
        this.coordinatorStates = new java.util.HashMap<>(coordinatorStates);
        this.checkpointId = checkpointId;
        this.timestamp = timestamp;
        this.completionTimestamp = completionTimestamp;
        this.taskStates = taskStates;
        this.parallelisms = parallelisms;
    }

    public long getCheckpointID() {
        return checkpointId;
    }

    public long getTimestamp() {
        return timestamp;
    }

    public long getCompletionTimestamp() {
        return completionTimestamp;
    }

    public long getDuration() {
        return completionTimestamp - timestamp;
    }

    /** The states of the subtasks of {@code vertex}, by subtask index (subtasks without state are left out). */
    public Map<Integer, TaskStateSnapshot> getTaskStates(JobVertexID vertex) {
        return taskStates.getOrDefault(vertex, Collections.emptyMap());
    }

    public Map<JobVertexID, Map<Integer, TaskStateSnapshot>> getAllTaskStates() {
        return Collections.unmodifiableMap(taskStates);
    }

    /** The parallelism {@code vertex} had when the checkpoint was taken, or -1 if the vertex was not in the job. */
    public int getParallelism(JobVertexID vertex) {
        return parallelisms.getOrDefault(vertex, -1);
    }

    /** The state the coordinator of operator {@code operatorId} wrote, or null. */
    public byte[] getCoordinatorState(String operatorId) {
        return coordinatorStates.get(operatorId);
    }

    public java.util.Set<String> getCoordinatorOperatorIds() {
        return java.util.Collections.unmodifiableSet(coordinatorStates.keySet());
    }

    public boolean isSavepoint() {
        return savepoint;
    }

    /** This checkpoint, as a savepoint. */
    CompletedCheckpoint asSavepoint() {
        CompletedCheckpoint copy = new CompletedCheckpoint(checkpointId, timestamp, completionTimestamp, taskStates,
                parallelisms, coordinatorStates);
        copy.savepoint = true;
        return copy;
    }

    /** What one operator wrote: its subtasks' states by subtask index, and the parallelism it had. */
    public static final class OperatorState {
        public final int parallelism;
        public final Map<Integer, OperatorSubtaskState> subtaskStates;

        OperatorState(int parallelism, Map<Integer, OperatorSubtaskState> subtaskStates) {
            this.parallelism = parallelism;
            this.subtaskStates = subtaskStates;
        }
    }

    /** The checkpoint's state by operator id (operators without state are left out). */
    public Map<String, OperatorState> getOperatorStates() {
        Map<String, OperatorState> byOperator = new java.util.HashMap<>();
        for (Map.Entry<JobVertexID, Map<Integer, TaskStateSnapshot>> vertex : taskStates.entrySet()) {
            int parallelism = getParallelism(vertex.getKey());
            for (Map.Entry<Integer, TaskStateSnapshot> subtask : vertex.getValue().entrySet()) {
                for (Map.Entry<String, OperatorSubtaskState> operator
                        : subtask.getValue().getSubtaskStateMappings().entrySet()) {
                    byOperator.computeIfAbsent(operator.getKey(),
                            id -> new OperatorState(parallelism, new java.util.HashMap<>()))
                            .subtaskStates.put(subtask.getKey(), operator.getValue());
                }
            }
        }
        return byOperator;
    }

    public long getStateSize() {
        long size = 0;
        for (Map<Integer, TaskStateSnapshot> subtasks : taskStates.values()) {
            for (TaskStateSnapshot state : subtasks.values()) {
                size += state.getStateSize();
            }
        }
        return size;
    }

    public String getExternalPointer() {
        return externalPointer;
    }

    void setExternalPointer(String externalPointer) {
        this.externalPointer = externalPointer;
    }

    @Override
    public String toString() {
        return "Checkpoint " + checkpointId + " @ " + timestamp + (externalPointer == null ? "" : " (" + externalPointer
                + ")");
    }
}
