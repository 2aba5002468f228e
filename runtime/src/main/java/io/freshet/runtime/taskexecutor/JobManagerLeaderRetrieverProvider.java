package io.freshet.runtime.taskexecutor;

import java.util.UUID;

import io.freshet.api.common.JobID;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.leaderretrieval.StandaloneLeaderRetrievalService;

/**
 * Where a TaskExecutor learns the leader of a job's JobMaster: its address and leader session id, which is the
 * JobMaster's fencing token ({@link io.freshet.runtime.jobmaster.JobMasterId}). The same method as Flink's
 * {@code HighAvailabilityServices#getJobManagerLeaderRetriever}, so the HA services are passed as a method
 * reference.
 */
@FunctionalInterface
public interface JobManagerLeaderRetrieverProvider {

    /** The leader session id of a standalone (non-HA) leader, as in Flink. */
    UUID DEFAULT_LEADER_ID = io.freshet.runtime.highavailability.HighAvailabilityServices.DEFAULT_LEADER_ID;

    /**
     * A retrieval service for the JobMaster of {@code jobId}.
     *
     * @param defaultJobManagerAddress the address the ResourceManager named in its slot request; what a standalone
     *     setup uses as the fixed leader
     */
    LeaderRetrievalService getJobManagerLeaderRetriever(JobID jobId, String defaultJobManagerAddress);

    /**
     * Standalone: the leader is the address from the slot request, with {@link #DEFAULT_LEADER_ID} as session id;
     * a standalone JobMaster therefore uses {@code new JobMasterId(DEFAULT_LEADER_ID)} as its fencing token.
     */
    static JobManagerLeaderRetrieverProvider standalone() {
        return (jobId, address) -> new StandaloneLeaderRetrievalService(address, DEFAULT_LEADER_ID);
    }
}
