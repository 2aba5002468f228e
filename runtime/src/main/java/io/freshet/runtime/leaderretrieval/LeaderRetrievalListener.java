package io.freshet.runtime.leaderretrieval;

import java.util.UUID;

/** Told who the current leader of a component is (its RPC address and leader session id = fencing token). */
public interface LeaderRetrievalListener {

    /** The leader changed; a null address means there is no leader right now. */
    void notifyLeaderAddress(String leaderAddress, UUID leaderSessionId);

    /** Retrieval failed for good (for example the HA store is unreachable past its retries). */
    void handleError(Exception exception);
}
