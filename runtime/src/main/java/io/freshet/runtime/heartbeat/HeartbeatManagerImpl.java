package io.freshet.runtime.heartbeat;

import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.util.clock.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A {@link HeartbeatManager} that monitors targets and detects timeouts, but sends no requests itself: the side
 * of a heartbeat relation that answers requests (it hears from its peer whenever a request arrives). See the
 * interface for the threading and timeout laws.
 */
public class HeartbeatManagerImpl<I, O> implements HeartbeatManager<I, O> {

    private final ResourceID ownResourceId;
    private final long timeoutMillis;
    private final HeartbeatListener<I, O> listener;
    private final ScheduledExecutor mainThreadExecutor;
    private final Clock clock;
    protected final Logger log;

    /** Monitored targets in the order they were first monitored; main thread only. */
    private final Map<ResourceID, Monitor> monitors = new LinkedHashMap<>();
    private boolean stopped;

    public HeartbeatManagerImpl(ResourceID ownResourceId, Duration heartbeatTimeout, HeartbeatListener<I, O> listener,
            ScheduledExecutor mainThreadExecutor, Clock clock, Logger log) {
        this.ownResourceId = Objects.requireNonNull(ownResourceId, "ownResourceId");
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("The heartbeat timeout must be positive, got " + heartbeatTimeout);
        }
        this.timeoutMillis = heartbeatTimeout.toMillis();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.mainThreadExecutor = Objects.requireNonNull(mainThreadExecutor, "mainThreadExecutor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    // ---- monitoring ----

    @Override
    public void monitorTarget(ResourceID resourceId, HeartbeatTarget<O> target) {
        Objects.requireNonNull(target, "target");
        if (stopped) {
            log.debug("Not monitoring {}: the heartbeat manager of {} is stopped.", resourceId, ownResourceId);
            return;
        }
        Monitor previous = monitors.remove(resourceId);
        if (previous != null) {
            previous.cancel();
        }
        Monitor monitor = new Monitor(resourceId, target);
        monitors.put(resourceId, monitor);
        monitor.scheduleTimeoutCheck(timeoutMillis);
    }

    @Override
    public void unmonitorTarget(ResourceID resourceId) {
        Monitor monitor = monitors.remove(resourceId);
        if (monitor != null) {
            monitor.cancel();
        }
    }

    @Override
    public void receiveHeartbeat(ResourceID heartbeatOrigin, I heartbeatPayload) {
        if (stopped) {
            return;
        }
        Monitor monitor = monitors.get(heartbeatOrigin);
        if (monitor == null) {
            log.debug("Ignored a heartbeat from {}: it is not monitored by {}.", heartbeatOrigin, ownResourceId);
            return;
        }
        monitor.recordHeartbeat();
        listener.reportPayload(heartbeatOrigin, heartbeatPayload);
    }

    @Override
    public long getLastHeartbeatFrom(ResourceID resourceId) {
        Monitor monitor = monitors.get(resourceId);
        return monitor == null ? -1L : monitor.lastHeartbeatAbsoluteMillis;
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        for (Monitor monitor : monitors.values()) {
            monitor.cancel();
        }
        monitors.clear();
    }

    // ---- for the sender ----

    protected final boolean isStopped() {
        return stopped;
    }

    protected final ResourceID getOwnResourceId() {
        return ownResourceId;
    }

    protected final HeartbeatListener<I, O> getListener() {
        return listener;
    }

    protected final ScheduledExecutor getMainThreadExecutor() {
        return mainThreadExecutor;
    }

    /** The monitored targets, as a copy (a target's callback may change the set). */
    protected final List<Map.Entry<ResourceID, HeartbeatTarget<O>>> currentTargets() {
        List<Map.Entry<ResourceID, HeartbeatTarget<O>>> targets = new ArrayList<>(monitors.size());
        for (Monitor monitor : monitors.values()) {
            targets.add(Map.entry(monitor.resourceId, monitor.target));
        }
        return targets;
    }

    // ---- one monitored target ----

    private final class Monitor {
        private final ResourceID resourceId;
        private final HeartbeatTarget<O> target;
        private long lastHeartbeatRelativeMillis;
        private long lastHeartbeatAbsoluteMillis;
        private ScheduledFuture<?> timeoutCheck;
        private boolean cancelled;

        Monitor(ResourceID resourceId, HeartbeatTarget<O> target) {
            this.resourceId = resourceId;
            this.target = target;
            recordHeartbeat();
        }

        void recordHeartbeat() {
            lastHeartbeatRelativeMillis = clock.relativeTimeMillis();
            lastHeartbeatAbsoluteMillis = clock.absoluteTimeMillis();
        }

        /**
         * Looks again after {@code delayMillis}. A heartbeat does not reschedule the check: the check itself
         * computes from the clock how much longer the target may stay silent.
         */
        void scheduleTimeoutCheck(long delayMillis) {
            try {
                timeoutCheck = mainThreadExecutor.schedule(this::checkTimeout, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("Could not schedule the heartbeat timeout check of {}: the executor has stopped.",
                        resourceId);
            }
        }

        private void checkTimeout() {
            if (cancelled || stopped || monitors.get(resourceId) != this) {
                return;
            }
            long silentMillis = clock.relativeTimeMillis() - lastHeartbeatRelativeMillis;
            if (silentMillis < timeoutMillis) {
                scheduleTimeoutCheck(timeoutMillis - silentMillis);
                return;
            }
            monitors.remove(resourceId);
            cancelled = true;
            log.debug("No heartbeat from {} to {} for {} ms.", resourceId, ownResourceId, silentMillis);
            listener.notifyHeartbeatTimeout(resourceId);
        }

        void cancel() {
            cancelled = true;
            if (timeoutCheck != null) {
                timeoutCheck.cancel(false);
            }
        }
    }
}
