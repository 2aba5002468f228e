package io.freshet.runtime.heartbeat;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * The owner's side of a {@link HeartbeatManager}: learns about payloads and lost peers, and supplies the payload of
 * outgoing heartbeat requests. All methods are called on the owner's main thread.
 *
 * @param <I> type of the payload that arrives with a heartbeat
 * @param <O> type of the payload sent with a heartbeat request
 */
public interface HeartbeatListener<I, O> {

    /**
     * No heartbeat arrived from {@code resourceId} for the heartbeat timeout. Called at most once per monitoring of
     * a target; the target is no longer monitored when this is called.
     */
    void notifyHeartbeatTimeout(ResourceID resourceId);

    /** A heartbeat from the monitored {@code resourceId} carried {@code payload} (may be null). */
    void reportPayload(ResourceID resourceId, I payload);

    /** The payload of the next heartbeat request to {@code resourceId}; null by default. */
    default O retrievePayload(ResourceID resourceId) {
        return null;
    }
}
