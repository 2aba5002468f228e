package io.freshet.runtime.highavailability.nonha;

import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.runtime.highavailability.HighAvailabilityServices;
import io.freshet.runtime.leaderretrieval.LeaderRetrievalService;
import io.freshet.runtime.leaderretrieval.StandaloneLeaderRetrievalService;

/** Leaders at fixed addresses (derived from {@code jobmanager.rpc.address}/{@code port}) under the default id. */
public final class StandaloneHaServices implements HighAvailabilityServices {

    private final String resourceManagerAddress;
    private final String dispatcherAddress;

    public StandaloneHaServices(String resourceManagerAddress, String dispatcherAddress) {
        this.resourceManagerAddress = Objects.requireNonNull(resourceManagerAddress);
        this.dispatcherAddress = Objects.requireNonNull(dispatcherAddress);
    }

    @Override
    public LeaderRetrievalService getResourceManagerLeaderRetriever() {
        return new StandaloneLeaderRetrievalService(resourceManagerAddress, DEFAULT_LEADER_ID);
    }

    @Override
    public LeaderRetrievalService getDispatcherLeaderRetriever() {
        return new StandaloneLeaderRetrievalService(dispatcherAddress, DEFAULT_LEADER_ID);
    }

    @Override
    public LeaderRetrievalService getJobManagerLeaderRetriever(JobID jobId, String defaultJobManagerAddress) {
        return new StandaloneLeaderRetrievalService(defaultJobManagerAddress, DEFAULT_LEADER_ID);
    }
}
