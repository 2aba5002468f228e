package io.freshet.runtime.heartbeat;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * How a {@link HeartbeatManager} asks one monitored peer for a heartbeat. The owner supplies it when it starts
 * monitoring the peer, typically as a lambda that calls the peer's gateway, e.g.
 * {@code (origin, payload) -> taskExecutorGateway.heartbeatFromResourceManager(origin)}; the peer answers later
 * with a call that ends in {@link HeartbeatManager#receiveHeartbeat}.
 *
 * <p>Called on the owner's main thread; it must not block (a gateway tell is the expected implementation).
 *
 * @param <O> type of the payload sent with a request
 */
@FunctionalInterface
public interface HeartbeatTarget<O> {

    /**
     * Asks the peer for a heartbeat.
     *
     * @param requestOrigin the resource ID of the requesting component, for the peer to answer to
     * @param heartbeatPayload what the listener's {@link HeartbeatListener#retrievePayload} gave for this peer
     */
    void requestHeartbeat(ResourceID requestOrigin, O heartbeatPayload);
}
