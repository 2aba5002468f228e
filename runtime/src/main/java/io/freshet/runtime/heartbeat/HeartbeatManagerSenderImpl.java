package io.freshet.runtime.heartbeat;

import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.util.clock.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A {@link HeartbeatManager} that also asks every monitored target for a heartbeat once per interval: the side of a
 * heartbeat relation that drives it (the ResourceManager towards TaskExecutors and JobMasters, the JobMaster
 * towards TaskExecutors). The first round of requests goes out one interval after construction; each round is
 * scheduled when the previous one ends, on the owner's main thread.
 */
public class HeartbeatManagerSenderImpl<I, O> extends HeartbeatManagerImpl<I, O> {

    private final long intervalMillis;
    private ScheduledFuture<?> nextRound;

    public HeartbeatManagerSenderImpl(ResourceID ownResourceId, Duration heartbeatInterval, Duration heartbeatTimeout,
            HeartbeatListener<I, O> listener, ScheduledExecutor mainThreadExecutor, Clock clock, Logger log) {
        super(ownResourceId, heartbeatTimeout, listener, mainThreadExecutor, clock, log);
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("The heartbeat interval must be positive, got " + heartbeatInterval);
        }
        this.intervalMillis = heartbeatInterval.toMillis();
        scheduleNextRound();
    }

    private void scheduleNextRound() {
        try {
            nextRound = getMainThreadExecutor().schedule(this::requestHeartbeats, intervalMillis,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Stopped requesting heartbeats for {}: the executor has stopped.", getOwnResourceId());
        }
    }

    private void requestHeartbeats() {
        if (isStopped()) {
            return;
        }
        try {
            for (Map.Entry<ResourceID, HeartbeatTarget<O>> target : currentTargets()) {
                requestHeartbeat(target.getKey(), target.getValue());
            }
        } finally {
            if (!isStopped()) {
                scheduleNextRound();
            }
        }
    }

    private void requestHeartbeat(ResourceID resourceId, HeartbeatTarget<O> target) {
        try {
            target.requestHeartbeat(getOwnResourceId(), getListener().retrievePayload(resourceId));
        } catch (RuntimeException e) {
            // One broken target must not keep the others from being asked; its silence will time it out.
            log.warn("Could not request a heartbeat from {}.", resourceId, e);
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (nextRound != null) {
            nextRound.cancel(false);
        }
    }
}
