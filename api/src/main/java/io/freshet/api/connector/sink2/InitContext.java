package io.freshet.api.connector.sink2;

import java.util.OptionalLong;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobInfo;
import io.freshet.api.common.TaskInfo;

/** Where a sink's writer runs: its subtask, attempt and job. */
public interface InitContext {

    /** The id of the first checkpoint of a job. */
    long INITIAL_CHECKPOINT_ID = 1;

    default int getSubtaskId() {
        return getTaskInfo().getIndexOfThisSubtask();
    }

    default int getNumberOfParallelSubtasks() {
        return getTaskInfo().getNumberOfParallelSubtasks();
    }

    default int getAttemptNumber() {
        return getTaskInfo().getAttemptNumber();
    }

    /** The checkpoint the writer's state comes from, if any. */
    OptionalLong getRestoredCheckpointId();

    default JobID getJobId() {
        return getJobInfo().getJobId();
    }

    JobInfo getJobInfo();

    TaskInfo getTaskInfo();
}
