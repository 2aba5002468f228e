package io.freshet.runtime.highavailability;

import java.util.UUID;

import io.freshet.api.common.JobID;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;

/**
 * How the processes of a cluster find their leaders: the ResourceManager, the Dispatcher, each job's JobMaster.
 * Without high availability ({@link io.freshet.runtime.highavailability.nonha.StandaloneHaServices}) the leaders sit
 * at fixed addresses under {@link #DEFAULT_LEADER_ID}; with ZooKeeper they are elected and found through it (leader
 * election, the job graph store and the checkpoint stores join this interface with that work).
 */
public interface HighAvailabilityServices extends AutoCloseable {

    /** The leader session id of every leader without high availability. */
    UUID DEFAULT_LEADER_ID = new UUID(0, 0);

    LeaderRetrievalService getResourceManagerLeaderRetriever();

    LeaderRetrievalService getDispatcherLeaderRetriever();

    /**
     * @param defaultJobManagerAddress the address the ResourceManager named with its slot request, which is the
     *     leader without high availability
     */
    LeaderRetrievalService getJobManagerLeaderRetriever(JobID jobId, String defaultJobManagerAddress);

    @Override
    default void close() throws Exception {}
}
