package io.freshet.core.execution;

/** What happens to a job's retained checkpoints when the job is cancelled. */
public enum ExternalizedCheckpointRetention {

    /** Retained checkpoints are deleted when the job is cancelled. */
    DELETE_ON_CANCELLATION,

    /** Retained checkpoints are kept when the job is cancelled, so it can be started again from them. */
    RETAIN_ON_CANCELLATION,

    /** No checkpoint outlives the job. */
    NO_EXTERNALIZED_CHECKPOINTS
}
