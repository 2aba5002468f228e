package io.freshet.runtime.resourcemanager;

import static io.freshet.runtime.rpc.RpcTestUtils.assertNoRpcThreadsLeft;
import static io.freshet.runtime.rpc.RpcTestUtils.await;
import static io.freshet.runtime.rpc.RpcTestUtils.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.RpcOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.ManualScheduledExecutor;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.heartbeat.HeartbeatListener;
import io.freshet.runtime.heartbeat.HeartbeatManager;
import io.freshet.runtime.heartbeat.HeartbeatServices;
import io.freshet.runtime.jobmaster.TestingJobMaster;
import io.freshet.runtime.registration.RegistrationResponse;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManager;
import io.freshet.runtime.resourcemanager.slotmanager.SlotManagerConfiguration;
import io.freshet.runtime.rpc.FencingTokenException;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.RpcTestUtils;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.SlotStatus;
import io.freshet.runtime.taskexecutor.TestingTaskExecutor;
import io.freshet.runtime.taskexecutor.TestingTaskExecutor.SlotRequest;
import io.freshet.runtime.taskexecutor.TestingTaskExecutor.SlotRequestBehaviour;
import io.freshet.util.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The standalone ResourceManager over real RPC with fake TaskExecutors and JobMasters. Heartbeat timers run on a
 * manual clock (each firing still runs on the ResourceManager's main thread), so heartbeat timeouts happen exactly
 * when a test moves the time; everything else is waited for as a condition.
 */
class ResourceManagerTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();
    private final List<ManualScheduledExecutor> heartbeatTimers = new CopyOnWriteArrayList<>();
    private final List<RpcService> services = new ArrayList<>();
    private RpcService peerService;
    private StandaloneResourceManager resourceManager;
    /** The ResourceManager as the peers see it: connected from their service with the leader's token. */
    private ResourceManagerGateway rmGateway;

    @AfterEach
    void stopServices() throws Exception {
        for (RpcService service : services) {
            service.close();
        }
        assertNoRpcThreadsLeft();
    }

    // ---- fixture ----

    private void startCluster() throws Exception {
        startCluster(RpcSystem.local(), new SlotManagerConfiguration(CALL_TIMEOUT, Duration.ofSeconds(30), false));
    }

    private void startCluster(RpcSystem system, SlotManagerConfiguration slotManagerConfiguration) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(RpcOptions.ASK_TIMEOUT, CALL_TIMEOUT);
        configuration.set(RpcOptions.LOOKUP_TIMEOUT, CALL_TIMEOUT);
        RpcService rmService = system.createService("jobmanager", "127.0.0.1", 0, configuration);
        services.add(rmService);
        peerService = system.createService("peers", "127.0.0.1", 0, configuration);
        services.add(peerService);
        resourceManager = new StandaloneResourceManager(rmService, ResourceManager.RESOURCE_MANAGER_NAME,
                new ResourceID("rm"), new ManualHeartbeatServices(),
                new SlotManager(slotManagerConfiguration, clock));
        resourceManager.start();
        rmGateway = await(peerService.connect(resourceManager.getAddress(), resourceManager.getResourceManagerId(),
                ResourceManagerGateway.class));
    }

    /** Heartbeat services whose timers fire when {@link #advanceHeartbeatTime} says, on the owner's main thread. */
    private final class ManualHeartbeatServices extends HeartbeatServices {
        ManualHeartbeatServices() {
            super(INTERVAL, TIMEOUT, clock);
        }

        @Override
        public <I, O> HeartbeatManager<I, O> createHeartbeatManagerSender(ResourceID ownResourceId,
                HeartbeatListener<I, O> listener, ScheduledExecutor mainThreadExecutor, Logger log) {
            ManualScheduledExecutor timer = new ManualScheduledExecutor(clock, mainThreadExecutor);
            heartbeatTimers.add(timer);
            return super.createHeartbeatManagerSender(ownResourceId, listener, timer, log);
        }
    }

    private void advanceHeartbeatTime(Duration duration) {
        clock.advanceTime(duration);
        for (ManualScheduledExecutor timer : heartbeatTimers) {
            timer.triggerDueTasks();
        }
    }

    private TestingTaskExecutor startTaskExecutor(String name, int slots) throws Exception {
        TestingTaskExecutor taskExecutor = new TestingTaskExecutor(peerService, name, slots);
        taskExecutor.start();
        assertThat(await(taskExecutor.registerAt(rmGateway))).isInstanceOf(RegistrationResponse.Success.class);
        return taskExecutor;
    }

    private TestingJobMaster startJobMaster(String name) throws Exception {
        TestingJobMaster jobMaster = new TestingJobMaster(peerService, name, new JobID());
        jobMaster.start();
        assertThat(await(jobMaster.registerAt(rmGateway))).isInstanceOf(RegistrationResponse.Success.class);
        return jobMaster;
    }

    private Collection<TaskManagerInfo> taskManagers() throws Exception {
        return await(rmGateway.requestTaskManagerInfo(CALL_TIMEOUT));
    }

    private int freeSlots() throws Exception {
        int free = 0;
        for (TaskManagerInfo info : taskManagers()) {
            free += info.getFreeSlots();
        }
        return free;
    }

    private static void waitUntil(String what, CheckedCondition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RpcTestUtils.WAIT_SECONDS);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean holds() throws Exception;
    }

    private static List<SlotRequest> requestsOf(TestingTaskExecutor... taskExecutors) {
        List<SlotRequest> requests = new ArrayList<>();
        for (TestingTaskExecutor taskExecutor : taskExecutors) {
            requests.addAll(taskExecutor.getSlotRequests());
        }
        return requests;
    }

    // ---- TaskExecutor registration ----

    @Test
    void taskExecutorRegistersWithItsSlotsAndReportsUpdateThem() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 2);

        Collection<TaskManagerInfo> infos = taskManagers();
        assertThat(infos).singleElement().satisfies(info -> {
            assertThat(info.getRegistration().getResourceId()).isEqualTo(taskExecutor.getResourceId());
            assertThat(info.getNumberOfSlots()).isEqualTo(2);
            assertThat(info.getFreeSlots()).isEqualTo(2);
        });

        SlotID first = new SlotID(taskExecutor.getResourceId(), 0);
        SlotID second = new SlotID(taskExecutor.getResourceId(), 1);
        rmGateway.heartbeatFromTaskManager(taskExecutor.getResourceId(), new SlotReport(List.of(
                new SlotStatus(first, new io.freshet.runtime.clusterframework.types.AllocationID(), new JobID()),
                new SlotStatus(second))));
        waitUntil("the report shows one slot allocated", () -> freeSlots() == 1);
    }

    @Test
    void registrationWithAnInconsistentSlotReportIsRejected() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = new TestingTaskExecutor(peerService, "te-1", 2);
        taskExecutor.start();
        SlotReport foreign = new SlotReport(List.of(new SlotStatus(new SlotID(new ResourceID("other"), 0)),
                new SlotStatus(new SlotID(taskExecutor.getResourceId(), 1))));

        RegistrationResponse response =
                await(rmGateway.registerTaskExecutor(taskExecutor.registration(), foreign, CALL_TIMEOUT));

        assertThat(response).isInstanceOfSatisfying(RegistrationResponse.Rejection.class,
                rejection -> assertThat(rejection.getReason()).contains("other_0"));
        assertThat(taskManagers()).isEmpty();
    }

    @Test
    void callsWithAWrongFencingTokenAreRejected() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = new TestingTaskExecutor(peerService, "te-1", 1);
        taskExecutor.start();
        ResourceManagerGateway stale = await(peerService.connect(resourceManager.getAddress(),
                ResourceManagerId.generate(), ResourceManagerGateway.class));

        Throwable failure = failureOf(
                stale.registerTaskExecutor(taskExecutor.registration(), taskExecutor.slotReport(), CALL_TIMEOUT));
        Throwable declareFailure = failureOf(stale.declareRequiredResources(
                new io.freshet.runtime.jobmaster.JobMasterId(java.util.UUID.randomUUID()), new JobID(), 1,
                CALL_TIMEOUT));

        assertThat(failure).isInstanceOf(FencingTokenException.class);
        assertThat(declareFailure).isInstanceOf(FencingTokenException.class);
        assertThat(taskManagers()).isEmpty();
    }

    // ---- slot allocation ----

    @Test
    void declaredSlotsAreRequestedFromFreeSlotsAndDroppingTheDeclarationFreesNothing() throws Exception {
        startCluster();
        TestingTaskExecutor first = startTaskExecutor("te-1", 2);
        TestingTaskExecutor second = startTaskExecutor("te-2", 2);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(3));
        waitUntil("three slots are requested", () -> requestsOf(first, second).size() == 3 && freeSlots() == 1);

        List<SlotRequest> requests = requestsOf(first, second);
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(SlotRequest::slotId).doesNotHaveDuplicates();
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.jobId()).isEqualTo(jobMaster.getJobId());
            assertThat(request.jobMasterAddress()).isEqualTo(jobMaster.getAddress());
            assertThat(request.resourceManagerId()).isEqualTo(resourceManager.getResourceManagerId());
        });
        // Fill one TaskExecutor first (the default).
        assertThat(first.getSlotRequests()).hasSize(2);
        assertThat(second.getSlotRequests()).hasSize(1);

        await(jobMaster.declare(0));
        assertThat(freeSlots()).isEqualTo(1);

        first.freeAllSlots();
        first.sendSlotReport();
        waitUntil("the report of te-1 frees its slots", () -> freeSlots() == 3);
        assertThat(requestsOf(first, second)).hasSize(3);
    }

    @Test
    void evenlySpreadOutSlotsTakesFromTheLeastUsedTaskExecutor() throws Exception {
        startCluster(RpcSystem.local(), new SlotManagerConfiguration(CALL_TIMEOUT, Duration.ofSeconds(30), true));
        TestingTaskExecutor first = startTaskExecutor("te-1", 2);
        TestingTaskExecutor second = startTaskExecutor("te-2", 2);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(2));
        waitUntil("two slots are requested", () -> requestsOf(first, second).size() == 2 && freeSlots() == 2);

        assertThat(first.getSlotRequests()).hasSize(1);
        assertThat(second.getSlotRequests()).hasSize(1);
    }

    @Test
    void failedSlotRequestIsRetriedOnAnotherSlot() throws Exception {
        startCluster();
        TestingTaskExecutor failing = startTaskExecutor("te-failing", 1);
        failing.setSlotRequestBehaviour(SlotRequestBehaviour.FAIL);
        TestingTaskExecutor healthy = startTaskExecutor("te-healthy", 1);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(1));
        waitUntil("the healthy TaskExecutor got the request", () -> healthy.getSlotRequests().size() == 1);
        waitUntil("the slot is allocated", () -> taskManagers().stream()
                .anyMatch(info -> info.getRegistration().getResourceId().equals(healthy.getResourceId())
                        && info.getFreeSlots() == 0));

        assertThat(failing.getSlotRequests()).hasSize(1);
        assertThat(healthy.getSlotRequests().get(0).jobId()).isEqualTo(jobMaster.getJobId());
        // The failed slot is free again on the ResourceManager's books.
        assertThat(freeSlots()).isEqualTo(1);
    }

    @Test
    void timedOutSlotRequestIsRetriedOnAnotherSlot() throws Exception {
        startCluster(RpcSystem.local(),
                new SlotManagerConfiguration(Duration.ofMillis(200), Duration.ofSeconds(30), false));
        TestingTaskExecutor silent = startTaskExecutor("te-silent", 1);
        silent.setSlotRequestBehaviour(SlotRequestBehaviour.NEVER_ANSWER);
        TestingTaskExecutor healthy = startTaskExecutor("te-healthy", 1);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(1));
        waitUntil("the healthy TaskExecutor got the request", () -> healthy.getSlotRequests().size() == 1);

        assertThat(silent.getSlotRequests()).hasSize(1);
    }

    @Test
    void slotOfAFailedRequestIsRequestedAgainAfterItsNextReport() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 1);
        taskExecutor.setSlotRequestBehaviour(SlotRequestBehaviour.FAIL);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(1));
        waitUntil("the first request failed", () -> taskExecutor.getSlotRequests().size() == 1 && freeSlots() == 1);

        taskExecutor.setSlotRequestBehaviour(SlotRequestBehaviour.ACCEPT);
        taskExecutor.sendSlotReport();
        waitUntil("the slot is requested again", () -> taskExecutor.getSlotRequests().size() == 2);
        waitUntil("the slot is allocated on the retry", () -> freeSlots() == 0);
    }

    @Test
    void jobNeedingMoreSlotsThanExistWaitsUntilATaskExecutorRegisters() throws Exception {
        startCluster();
        TestingTaskExecutor first = startTaskExecutor("te-1", 2);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(3));
        waitUntil("both slots are requested", () -> first.getSlotRequests().size() == 2 && freeSlots() == 0);

        TestingTaskExecutor second = startTaskExecutor("te-2", 2);
        waitUntil("the third slot is requested on te-2", () -> second.getSlotRequests().size() == 1 && freeSlots() == 1);
        assertThat(second.getSlotRequests()).singleElement()
                .satisfies(request -> assertThat(request.jobId()).isEqualTo(jobMaster.getJobId()));
        assertThat(first.getSlotRequests()).hasSize(2);
    }

    @Test
    void jobsAreServedFirstComeFirstServed() throws Exception {
        startCluster();
        TestingTaskExecutor first = startTaskExecutor("te-1", 3);
        TestingJobMaster early = startJobMaster("jm-early");
        TestingJobMaster late = startJobMaster("jm-late");

        await(early.declare(2));
        await(late.declare(2));
        waitUntil("all three slots are requested", () -> first.getSlotRequests().size() == 3 && freeSlots() == 0);
        assertThat(first.getSlotRequests()).extracting(SlotRequest::jobId)
                .containsExactlyInAnyOrder(early.getJobId(), early.getJobId(), late.getJobId());

        // The early job raises its need while the late one waits: the late one keeps its place in the queue.
        await(early.declare(3));
        TestingTaskExecutor second = startTaskExecutor("te-2", 1);
        waitUntil("the new slot is allocated", () -> second.getSlotRequests().size() == 1 && freeSlots() == 0);
        assertThat(second.getSlotRequests().get(0).jobId()).isEqualTo(early.getJobId());
    }

    // ---- heartbeats ----

    @Test
    void taskExecutorHeartbeatTimeoutDropsItsSlotsAndTheJobIsServedElsewhere() throws Exception {
        startCluster();
        TestingTaskExecutor lost = startTaskExecutor("te-lost", 1);
        TestingTaskExecutor alive = startTaskExecutor("te-alive", 1);
        TestingJobMaster jobMaster = startJobMaster("jm-1");
        await(jobMaster.declare(1));
        waitUntil("the slot of te-lost is allocated", () -> lost.getSlotRequests().size() == 1 && freeSlots() == 1);

        lost.setAnswerHeartbeats(false);
        for (int second = 1; second <= 5; second++) {
            advanceHeartbeatTime(INTERVAL);
            long now = clock.absoluteTimeMillis();
            waitUntil("te-alive answered the heartbeat request", () -> taskManagers().stream()
                    .filter(info -> info.getRegistration().getResourceId().equals(alive.getResourceId()))
                    .allMatch(info -> info.getLastHeartbeatMillis() == now));
        }

        waitUntil("te-lost is gone", () -> taskManagers().size() == 1);
        waitUntil("te-alive got the job's slot", () -> alive.getSlotRequests().size() == 1 && freeSlots() == 0);
        assertThat(alive.getSlotRequests().get(0).jobId()).isEqualTo(jobMaster.getJobId());
        waitUntil("te-lost was told to register again", () -> lost.getResourceManagerDisconnects().size() == 1);
        assertThat(alive.getResourceManagerDisconnects()).isEmpty();
    }

    @Test
    void jobMasterHeartbeatTimeoutDropsItsDeclaration() throws Exception {
        startCluster();
        TestingTaskExecutor first = startTaskExecutor("te-1", 1);
        TestingJobMaster jobMaster = startJobMaster("jm-1");
        await(jobMaster.declare(2));
        waitUntil("the only slot is allocated", () -> freeSlots() == 0);

        jobMaster.setAnswerHeartbeats(false);
        first.setAnswerHeartbeats(false);
        // Keep te-1 registered by reporting for it, so that only the JobMaster times out.
        for (int second = 1; second <= 5; second++) {
            advanceHeartbeatTime(INTERVAL);
            first.sendSlotReport();
        }
        waitUntil("the JobMaster was told to register again", () -> jobMaster.getResourceManagerDisconnects().size() == 1);

        TestingTaskExecutor second = startTaskExecutor("te-2", 1);
        assertThat(freeSlots()).isEqualTo(1);
        assertThat(second.getSlotRequests()).isEmpty();
        assertThat(failureOf(jobMaster.declare(2))).isInstanceOf(ResourceManagerException.class)
                .hasMessageContaining("register first");
    }

    @Test
    void disconnectedJobMasterLosesItsDeclaration() throws Exception {
        startCluster();
        TestingJobMaster jobMaster = startJobMaster("jm-1");
        await(jobMaster.declare(1));

        rmGateway.disconnectJobManager(jobMaster.getJobId(), new Exception("job finished"));
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 1);

        assertThat(freeSlots()).isEqualTo(1);
        assertThat(taskExecutor.getSlotRequests()).isEmpty();
    }

    // ---- re-registration ----

    @Test
    void reRegistrationKeepsAllocationsItsReportStillShows() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 2);
        TestingJobMaster jobMaster = startJobMaster("jm-1");
        await(jobMaster.declare(1));
        waitUntil("one slot is requested", () -> taskExecutor.getSlotRequests().size() == 1 && freeSlots() == 1);
        // The report makes the slot allocated on the ResourceManager's books, whether or not the answer arrived.
        taskExecutor.sendSlotReport();

        assertThat(await(taskExecutor.registerAt(rmGateway))).isInstanceOf(RegistrationResponse.Success.class);
        assertThat(taskManagers()).hasSize(1);
        assertThat(freeSlots()).isEqualTo(1);
        assertThat(taskExecutor.getSlotRequests()).hasSize(1);

        // After a restart the TaskExecutor reports all slots free: the job is served again.
        taskExecutor.freeAllSlots();
        assertThat(await(taskExecutor.registerAt(rmGateway))).isInstanceOf(RegistrationResponse.Success.class);
        waitUntil("the job got a slot again", () -> taskExecutor.getSlotRequests().size() == 2 && freeSlots() == 1);
        assertThat(taskManagers()).hasSize(1);
    }

    @Test
    void disconnectedTaskExecutorLosesItsSlots() throws Exception {
        startCluster();
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 2);

        rmGateway.disconnectTaskManager(taskExecutor.getResourceId(), new Exception("shutting down"));

        waitUntil("te-1 is gone", () -> taskManagers().isEmpty());
        assertThat(taskExecutor.getResourceManagerDisconnects()).isEmpty();
    }

    @Test
    void declarationOfAnUnregisteredJobFails() throws Exception {
        startCluster();
        TestingJobMaster jobMaster = new TestingJobMaster(peerService, "jm-1", new JobID());
        jobMaster.start();

        Throwable failure = failureOf(rmGateway.declareRequiredResources(jobMaster.getJobMasterId(),
                jobMaster.getJobId(), 1, CALL_TIMEOUT));

        assertThat(failure).isInstanceOf(ResourceManagerException.class).hasMessageContaining(
                jobMaster.getJobId().toString());
    }

    // ---- over the network ----

    @Test
    void taskExecutorAndJobMasterTalkToTheResourceManagerOverNetty() throws Exception {
        startCluster(RpcSystem.netty(), new SlotManagerConfiguration(CALL_TIMEOUT, Duration.ofSeconds(30), false));
        assertThat(resourceManager.getAddress()).startsWith("freshet.tcp://");
        TestingTaskExecutor taskExecutor = startTaskExecutor("te-1", 2);
        TestingJobMaster jobMaster = startJobMaster("jm-1");

        await(jobMaster.declare(2));
        waitUntil("both slots are requested", () -> taskExecutor.getSlotRequests().size() == 2 && freeSlots() == 0);

        Set<SlotID> requested = new HashSet<>();
        for (SlotRequest request : taskExecutor.getSlotRequests()) {
            assertThat(request.jobId()).isEqualTo(jobMaster.getJobId());
            requested.add(request.slotId());
        }
        assertThat(requested).hasSize(2);

        // Heartbeat requests and answers cross the wire too.
        advanceHeartbeatTime(INTERVAL);
        long now = clock.absoluteTimeMillis();
        waitUntil("the TaskExecutor answered", () -> taskManagers().iterator().next().getLastHeartbeatMillis() == now);
        waitUntil("the JobMaster was asked", () -> jobMaster.getHeartbeatRequests() == 1);
    }
}
