package io.freshet.runtime.leaderretrieval;

import java.util.Objects;
import java.util.UUID;

/** A leader that never changes: the address and session id given at construction. */
public final class StandaloneLeaderRetrievalService implements LeaderRetrievalService {

    private final String leaderAddress;
    private final UUID leaderSessionId;
    private boolean started;

    public StandaloneLeaderRetrievalService(String leaderAddress, UUID leaderSessionId) {
        this.leaderAddress = Objects.requireNonNull(leaderAddress, "leaderAddress");
        this.leaderSessionId = Objects.requireNonNull(leaderSessionId, "leaderSessionId");
    }

    @Override
    public synchronized void start(LeaderRetrievalListener listener) {
        if (started) {
            throw new IllegalStateException("leader retrieval already started");
        }
        started = true;
        listener.notifyLeaderAddress(leaderAddress, leaderSessionId);
    }

    @Override
    public synchronized void stop() {
        started = false;
    }
}
