package io.freshet.runtime.jobgraph;

/** Whether a job processes bounded input to completion (BATCH) or runs continuously (STREAMING). */
public enum JobType {
    BATCH,
    STREAMING
}
