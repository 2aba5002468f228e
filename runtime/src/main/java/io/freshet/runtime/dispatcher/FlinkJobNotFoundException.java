package io.freshet.runtime.dispatcher;

import io.freshet.api.common.JobID;

/** No running or kept job has this id. */
public class FlinkJobNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public FlinkJobNotFoundException(JobID jobId) {
        super("Could not find job " + jobId + "; it never ran here, or its result expired (jobstore.expiration-time).");
    }
}
