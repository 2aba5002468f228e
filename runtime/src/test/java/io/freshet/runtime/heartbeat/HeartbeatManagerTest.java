package io.freshet.runtime.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.configuration.Configuration;
import io.freshet.configuration.HeartbeatManagerOptions;
import io.freshet.configuration.IllegalConfigurationException;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.ManualScheduledExecutor;
import io.freshet.util.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Heartbeat managers on a manual clock: every timer fires only when the test moves the time. */
class HeartbeatManagerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ResourceID own = new ResourceID("owner");
    private final ResourceID peerA = new ResourceID("peer-a");
    private final ResourceID peerB = new ResourceID("peer-b");
    private final ManualClock clock = new ManualClock();
    private final ManualScheduledExecutor executor = new ManualScheduledExecutor(clock);
    private final RecordingListener listener = new RecordingListener();
    private final HeartbeatServices services = new HeartbeatServices(INTERVAL, TIMEOUT, clock);
    private final List<String> requests = new ArrayList<>();

    private HeartbeatManager<String, String> sender() {
        return services.createHeartbeatManagerSender(own, listener, executor,
                LoggerFactory.getLogger(HeartbeatManagerTest.class));
    }

    private HeartbeatTarget<String> recordingTarget(String name) {
        return (origin, payload) -> requests.add(name + "<-" + origin + ":" + payload);
    }

    @Test
    void senderRequestsHeartbeatsFromAllTargetsEveryInterval() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));
        manager.monitorTarget(peerB, recordingTarget("b"));

        executor.advanceTime(INTERVAL.minusMillis(1));
        assertThat(requests).isEmpty();

        executor.advanceTime(Duration.ofMillis(1));
        assertThat(requests).containsExactly("a<-owner:payload-for-peer-a", "b<-owner:payload-for-peer-b");

        executor.advanceTime(INTERVAL);
        assertThat(requests).hasSize(4);
    }

    @Test
    void silentTargetTimesOutExactlyOnceAfterTheTimeout() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));

        executor.advanceTime(TIMEOUT.minusMillis(1));
        assertThat(listener.timeouts).isEmpty();

        executor.advanceTime(Duration.ofMillis(1));
        assertThat(listener.timeouts).containsExactly(peerA);

        executor.advanceTime(TIMEOUT.multipliedBy(3));
        assertThat(listener.timeouts).containsExactly(peerA);
        assertThat(manager.getLastHeartbeatFrom(peerA)).isEqualTo(-1L);
    }

    @Test
    void heartbeatsKeepATargetAliveAndDeliverTheirPayload() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));
        manager.monitorTarget(peerB, recordingTarget("b"));

        for (int second = 1; second <= 10; second++) {
            executor.advanceTime(INTERVAL);
            manager.receiveHeartbeat(peerA, "report-" + second);
        }

        assertThat(listener.timeouts).containsExactly(peerB);
        assertThat(listener.payloads).hasSize(10).startsWith("peer-a=report-1").endsWith("peer-a=report-10");
        assertThat(manager.getLastHeartbeatFrom(peerA)).isEqualTo(10_000L);
    }

    @Test
    void timeoutCountsFromTheLastHeartbeatNotFromTheFirstCheck() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));

        executor.advanceTime(Duration.ofSeconds(4));
        manager.receiveHeartbeat(peerA, "late");
        executor.advanceTime(TIMEOUT.minusMillis(1));
        assertThat(listener.timeouts).isEmpty();

        executor.advanceTime(Duration.ofMillis(1));
        assertThat(listener.timeouts).containsExactly(peerA);
    }

    @Test
    void heartbeatsFromUnmonitoredTargetsAreIgnored() {
        HeartbeatManager<String, String> manager = sender();
        manager.receiveHeartbeat(peerA, "stranger");
        manager.monitorTarget(peerA, recordingTarget("a"));
        manager.unmonitorTarget(peerA);
        manager.receiveHeartbeat(peerA, "gone");

        executor.advanceTime(TIMEOUT.multipliedBy(2));

        assertThat(listener.payloads).isEmpty();
        assertThat(listener.timeouts).isEmpty();
        assertThat(requests).isEmpty();
    }

    @Test
    void monitoringAgainReplacesTheTargetAndRestartsItsTimeout() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("old"));
        executor.advanceTime(Duration.ofSeconds(4));
        manager.monitorTarget(peerA, recordingTarget("new"));
        requests.clear();

        executor.advanceTime(Duration.ofSeconds(4));
        assertThat(listener.timeouts).isEmpty();
        assertThat(requests).allMatch(request -> request.startsWith("new<-"));

        executor.advanceTime(Duration.ofSeconds(1));
        assertThat(listener.timeouts).containsExactly(peerA);
    }

    @Test
    void aTargetTimedOutAndMonitoredAgainCanTimeOutAgain() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));
        executor.advanceTime(TIMEOUT);
        manager.monitorTarget(peerA, recordingTarget("a"));
        executor.advanceTime(TIMEOUT);

        assertThat(listener.timeouts).containsExactly(peerA, peerA);
    }

    @Test
    void stopCancelsRequestsAndTimeouts() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, recordingTarget("a"));

        manager.stop();
        executor.advanceTime(TIMEOUT.multipliedBy(2));
        manager.receiveHeartbeat(peerA, "after stop");

        assertThat(requests).isEmpty();
        assertThat(listener.timeouts).isEmpty();
        assertThat(listener.payloads).isEmpty();
        assertThat(executor.getNumberOfScheduledTasks()).isZero();
    }

    @Test
    void plainManagerDetectsTimeoutsWithoutRequesting() {
        HeartbeatManager<String, String> manager = services.createHeartbeatManager(own, listener, executor,
                LoggerFactory.getLogger(HeartbeatManagerTest.class));
        manager.monitorTarget(peerA, recordingTarget("a"));

        executor.advanceTime(TIMEOUT);

        assertThat(requests).isEmpty();
        assertThat(listener.timeouts).containsExactly(peerA);
    }

    @Test
    void aThrowingTargetDoesNotStopRequestsToOthers() {
        HeartbeatManager<String, String> manager = sender();
        manager.monitorTarget(peerA, (origin, payload) -> {
            throw new IllegalStateException("broken");
        });
        manager.monitorTarget(peerB, recordingTarget("b"));

        executor.advanceTime(INTERVAL);
        executor.advanceTime(INTERVAL);

        assertThat(requests).hasSize(2);
    }

    @Test
    void timeoutMustExceedTheInterval() {
        Configuration configuration = new Configuration();
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofSeconds(10));
        configuration.set(HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(10));

        assertThatThrownBy(() -> HeartbeatServices.fromConfiguration(configuration))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("heartbeat.timeout")
                .hasMessageContaining("heartbeat.interval");
        assertThatThrownBy(() -> new HeartbeatServices(Duration.ZERO, TIMEOUT, clock))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("heartbeat.interval");
    }

    private static final class RecordingListener implements HeartbeatListener<String, String> {
        final List<ResourceID> timeouts = new ArrayList<>();
        final List<String> payloads = new ArrayList<>();

        @Override
        public void notifyHeartbeatTimeout(ResourceID resourceId) {
            timeouts.add(resourceId);
        }

        @Override
        public void reportPayload(ResourceID resourceId, String payload) {
            payloads.add(resourceId + "=" + payload);
        }

        @Override
        public String retrievePayload(ResourceID resourceId) {
            return "payload-for-" + resourceId;
        }
    }
}
