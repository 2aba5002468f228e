package io.freshet.api.common;

import java.util.Objects;

/** The plain, immutable {@link TaskInfo}; the constructor checks the invariants stated there. */
public class TaskInfoImpl implements TaskInfo {

    private final String taskName;
    private final String taskNameWithSubtasks;
    private final String allocationIDAsString;
    private final int maxNumberOfParallelSubtasks;
    private final int indexOfSubtask;
    private final int numberOfParallelSubtasks;
    private final int attemptNumber;

    /** Creates the task info with an unknown slot allocation. */
    public TaskInfoImpl(
            String taskName,
            int maxNumberOfParallelSubtasks,
            int indexOfSubtask,
            int numberOfParallelSubtasks,
            int attemptNumber) {
        this(taskName, maxNumberOfParallelSubtasks, indexOfSubtask, numberOfParallelSubtasks, attemptNumber, "UNKNOWN");
    }

    /** @throws IllegalArgumentException if the numbers break the invariants stated in {@link TaskInfo} */
    public TaskInfoImpl(
            String taskName,
            int maxNumberOfParallelSubtasks,
            int indexOfSubtask,
            int numberOfParallelSubtasks,
            int attemptNumber,
            String allocationIDAsString) {
        checkArgument(numberOfParallelSubtasks >= 1, "Parallelism must be at least 1", numberOfParallelSubtasks);
        checkArgument(indexOfSubtask >= 0, "Subtask index must not be negative", indexOfSubtask);
        checkArgument(
                indexOfSubtask < numberOfParallelSubtasks,
                "Subtask index must be less than the parallelism " + numberOfParallelSubtasks,
                indexOfSubtask);
        checkArgument(
                maxNumberOfParallelSubtasks >= numberOfParallelSubtasks,
                "Max parallelism must be at least the parallelism " + numberOfParallelSubtasks,
                maxNumberOfParallelSubtasks);
        checkArgument(attemptNumber >= 0, "Attempt number must not be negative", attemptNumber);
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.maxNumberOfParallelSubtasks = maxNumberOfParallelSubtasks;
        this.indexOfSubtask = indexOfSubtask;
        this.numberOfParallelSubtasks = numberOfParallelSubtasks;
        this.attemptNumber = attemptNumber;
        this.allocationIDAsString = Objects.requireNonNull(allocationIDAsString, "allocationIDAsString");
        this.taskNameWithSubtasks =
                taskName + " (" + (indexOfSubtask + 1) + "/" + numberOfParallelSubtasks + ")#" + attemptNumber;
    }

    private static void checkArgument(boolean condition, String message, int value) {
        if (!condition) {
            throw new IllegalArgumentException(message + ", got " + value + ".");
        }
    }

    @Override
    public String getTaskName() {
        return taskName;
    }

    @Override
    public int getMaxNumberOfParallelSubtasks() {
        return maxNumberOfParallelSubtasks;
    }

    @Override
    public int getIndexOfThisSubtask() {
        return indexOfSubtask;
    }

    @Override
    public int getNumberOfParallelSubtasks() {
        return numberOfParallelSubtasks;
    }

    @Override
    public int getAttemptNumber() {
        return attemptNumber;
    }

    @Override
    public String getTaskNameWithSubtasks() {
        return taskNameWithSubtasks;
    }

    @Override
    public String getAllocationIDAsString() {
        return allocationIDAsString;
    }
}
