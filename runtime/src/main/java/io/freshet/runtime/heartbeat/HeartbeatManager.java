package io.freshet.runtime.heartbeat;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * Detects lost peers: it monitors targets by {@link ResourceID}, records when each was last heard from, and tells
 * its {@link HeartbeatListener} when a target has been silent for the heartbeat timeout. A sender variant (see
 * {@link HeartbeatServices#createHeartbeatManagerSender}) also asks every target for a heartbeat each interval.
 *
 * <h2>Threading law</h2>
 * A heartbeat manager belongs to one component and runs on that component's main thread: every method here must
 * be called there, and the manager calls its listener and targets only there (its timers run on the main-thread
 * executor it was created with). It therefore has no locks.
 *
 * <h2>Timeout law</h2>
 * <ul>
 *   <li>Monitoring a target counts as hearing from it, so a target that never answers is lost one timeout after
 *       it was first monitored.</li>
 *   <li>A target is lost when the time since it was last heard from, measured on the manager's clock, reaches the
 *       timeout. The timers only decide <em>when</em> to look; the clock decides whether the target is lost.</li>
 *   <li>{@link HeartbeatListener#notifyHeartbeatTimeout} is called exactly once per lost target, after the target
 *       was removed from monitoring; heartbeats from it are ignored afterwards until it is monitored again.</li>
 *   <li>{@link #unmonitorTarget} and {@link #stop} are final for the targets concerned: no timeout is reported for
 *       them later.</li>
 * </ul>
 *
 * @param <I> type of the payload that arrives with a heartbeat
 * @param <O> type of the payload sent with a heartbeat request
 */
public interface HeartbeatManager<I, O> {

    /** Starts monitoring {@code resourceId}; replaces (and restarts the timeout of) an earlier target of that id. */
    void monitorTarget(ResourceID resourceId, HeartbeatTarget<O> target);

    /** Stops monitoring {@code resourceId}; nothing happens if it is not monitored. */
    void unmonitorTarget(ResourceID resourceId);

    /**
     * Records a heartbeat from {@code heartbeatOrigin} and hands its payload to the listener. Heartbeats from
     * targets that are not monitored are ignored.
     */
    void receiveHeartbeat(ResourceID heartbeatOrigin, I heartbeatPayload);

    /**
     * Wall-clock time in milliseconds when {@code resourceId} was last heard from (or started being monitored), or
     * -1 if it is not monitored.
     */
    long getLastHeartbeatFrom(ResourceID resourceId);

    /** Stops monitoring all targets and cancels the timers. Idempotent; the manager is unusable afterwards. */
    void stop();
}
