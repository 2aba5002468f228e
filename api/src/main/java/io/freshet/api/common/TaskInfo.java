package io.freshet.api.common;

/**
 * What a function can know about the parallel instance (subtask) it runs as. Invariants:
 * {@code 0 <= getIndexOfThisSubtask() < getNumberOfParallelSubtasks() <= getMaxNumberOfParallelSubtasks()},
 * and {@code getAttemptNumber() >= 0}.
 */
public interface TaskInfo {

    /** Returns the name of the task, as shown in the Web UI. */
    String getTaskName();

    /** Returns the maximum parallelism: the number of key groups, the upper bound for rescaling. */
    int getMaxNumberOfParallelSubtasks();

    /** Returns the index of this subtask, from 0 to parallelism - 1. */
    int getIndexOfThisSubtask();

    /** Returns the parallelism of the task. */
    int getNumberOfParallelSubtasks();

    /** Returns how often this subtask was restarted before this execution: 0 for the first execution. */
    int getAttemptNumber();

    /** Returns the task name with subtask position and attempt, as used in logs: {@code "Map (3/4)#1"}. */
    String getTaskNameWithSubtasks();

    /** Returns the ID of the slot allocation this subtask runs in, or {@code "UNKNOWN"}. */
    String getAllocationIDAsString();
}
