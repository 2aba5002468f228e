package io.freshet.api.common;

/** What a function can know about the job it is part of. */
public interface JobInfo {

    /** Returns the ID of the job. */
    JobID getJobId();

    /** Returns the name the job was submitted with. */
    String getJobName();
}
