package io.freshet.runtime.taskexecutor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.deployment.InputChannelDeploymentDescriptor;
import io.freshet.runtime.deployment.InputGateDeploymentDescriptor;
import io.freshet.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.execution.librarycache.LibraryCacheManager;
import io.freshet.runtime.execution.librarycache.UserCodeClassLoaders.ResolveOrder;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.IntermediateDataSetID;
import io.freshet.runtime.jobmaster.JobMasterId;
import io.freshet.runtime.leaderretrieval.StandaloneLeaderRetrievalService;
import io.freshet.runtime.memory.MemoryManager;
import io.freshet.runtime.rpc.RpcService;
import io.freshet.runtime.rpc.RpcSystem;
import io.freshet.runtime.rpc.RpcTestUtils;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;
import io.freshet.runtime.taskmanager.TaskExecutionState;
import io.freshet.util.clock.Clock;
import io.freshet.util.clock.ManualClock;
import io.freshet.util.clock.SystemClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TaskExecutor against a fake ResourceManager and fake JobMasters, all real RPC endpoints on the local
 * transport (and one test over Netty). Waits on futures and queues, never on sleeps.
 */
class TaskExecutorTest {

    private static final long WAIT = RpcTestUtils.WAIT_SECONDS;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<RpcService> services = new ArrayList<>();
    private final BlockingQueue<Throwable> fatalErrors = new LinkedBlockingQueue<>();
    private final JobID jobId = new JobID();
    private RpcService rpcService;
    private TestingResourceManager resourceManager;
    private TestingJobMaster jobMaster;
    private TestingShuffleEnvironment shuffle;
    private TaskExecutor taskExecutor;
    private TaskExecutorGateway gateway;

    @BeforeEach
    void setUp() throws Exception {
        TestInvokables.reset();
        rpcService = RpcSystem.local().createService("test", "localhost", 0, new Configuration());
        services.add(rpcService);
    }

    @AfterEach
    void tearDown() throws Exception {
        TestInvokables.release.countDown();
        if (taskExecutor != null) {
            taskExecutor.close();
            assertThat(shuffle.closed).isTrue();
        }
        for (RpcService service : services) {
            service.close();
        }
        RpcTestUtils.assertNoRpcThreadsLeft();
        assertNoTaskThreadsLeft();
    }

    // ---- fixture ----

    private static Configuration configuration() {
        Configuration configuration = new Configuration();
        configuration.set(io.freshet.configuration.TaskManagerOptions.NUM_TASK_SLOTS, 2);
        return configuration;
    }

    private void startCluster(Configuration configuration, Clock clock) throws Exception {
        startCluster(rpcService, rpcService, configuration, clock);
    }

    private void startCluster(RpcService masterService, RpcService workerService, Configuration configuration,
            Clock clock) throws Exception {
        resourceManager = new TestingResourceManager(masterService);
        resourceManager.start();
        jobMaster = new TestingJobMaster(masterService, "jobmaster", JobMasterId.generate());
        jobMaster.start();
        shuffle = new TestingShuffleEnvironment();
        TaskManagerConfiguration taskManagerConfiguration = TaskManagerConfiguration.fromConfiguration(configuration);
        TaskManagerServices taskManagerServices = new TaskManagerServices(new MemoryManager(1 << 20, 32 * 1024),
                shuffle, new LibraryCacheManager(ResolveOrder.CHILD_FIRST, new String[] {"java.", "io.freshet."},
                        getClass().getClassLoader()));
        taskExecutor = new TaskExecutor(workerService, taskManagerConfiguration, ResourceID.generate(),
                new StandaloneLeaderRetrievalService(resourceManager.getAddress(), resourceManager.leaderId.toUUID()),
                (job, address) -> new StandaloneLeaderRetrievalService(address, jobMaster.leaderId.toUUID()),
                taskManagerServices, fatalErrors::add, clock);
        taskExecutor.start();
        gateway = taskExecutor.getSelfGateway(TaskExecutorGateway.class);
        assertThat(poll(resourceManager.registrations)).isNotNull();
        awaitRegistered();
    }

    /** Waits until the TaskExecutor has processed its registration answer. */
    private void awaitRegistered() throws InterruptedException {
        waitUntil(() -> {
            try {
                return RpcTestUtils.await(taskExecutor.callOnMainThread(taskExecutor::isConnectedToResourceManager));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static <T> T poll(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT, TimeUnit.SECONDS);
        assertThat(value).as("nothing arrived within %s s", WAIT).isNotNull();
        return value;
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition not reached in time").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private SlotReport slotReport() throws Exception {
        return RpcTestUtils.await(taskExecutor.callOnMainThread(taskExecutor::createSlotReport));
    }

    /** Requests slot {@code index} for the job and waits until the JobMaster got (and answered) the offer. */
    private AllocationID allocateAndOffer(int index) throws Exception {
        AllocationID allocationId = new AllocationID();
        RpcTestUtils.await(gateway.requestSlot(new SlotID(taskExecutor.getResourceID(), index), jobId, allocationId,
                jobMaster.getAddress(), resourceManager.leaderId, TIMEOUT));
        Collection<SlotOffer> offers = poll(jobMaster.offers);
        assertThat(offers).extracting(SlotOffer::getAllocationId).contains(allocationId);
        return allocationId;
    }

    private TaskDeploymentDescriptor deployment(AllocationID allocationId, Class<?> invokable) {
        return deployment(jobId, allocationId, invokable.getName(), List.of(), List.of());
    }

    private static TaskDeploymentDescriptor deployment(JobID job, AllocationID allocationId, String invokableClass,
            List<ResultPartitionDeploymentDescriptor> partitions, List<InputGateDeploymentDescriptor> gates) {
        return new TaskDeploymentDescriptor(job, "test job", new Configuration(), List.of(),
                ExecutionAttemptID.randomId(), allocationId, "Test Task", invokableClass, new Configuration(),
                Map.of(), 0, 1, 1, partitions, gates);
    }

    private List<ExecutionState> statesUntilTerminal(ExecutionAttemptID attempt, List<TaskExecutionState> seen)
            throws InterruptedException {
        List<ExecutionState> states = new ArrayList<>();
        while (true) {
            TaskExecutionState update = poll(jobMaster.taskUpdates);
            assertThat(update.getID()).isEqualTo(attempt);
            states.add(update.getExecutionState());
            seen.add(update);
            if (update.getExecutionState().isTerminal()) {
                return states;
            }
        }
    }

    private static void assertNoTaskThreadsLeft() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("Test Task") || thread.getName().contains("Test Task (")) {
                thread.join(TimeUnit.SECONDS.toMillis(WAIT));
                assertThat(thread.isAlive()).as("task thread %s still alive", thread.getName()).isFalse();
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(WAIT, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return FutureUtils.stripCompletionException(e);
        }
        throw new AssertionError("expected a failure");
    }

    // ---- registration ----

    @Test
    void registersAtTheResourceManagerAndAgainAfterADisconnect() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());

        gateway.disconnectResourceManager(new Exception("test disconnect"));

        SlotReport second = poll(resourceManager.registrations);
        awaitRegistered();
        assertThat(second.getSlots()).hasSize(2);
        assertThat(resourceManager.registrationCounter.get()).isEqualTo(2);
    }

    @Test
    void answersResourceManagerHeartbeatsWithTheSlotReport() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(1);

        gateway.heartbeatFromResourceManager(resourceManager.ownResourceId);

        SlotReport report = poll(resourceManager.heartbeats);
        assertThat(report.getSlots().get(1).getAllocationID()).isEqualTo(allocationId);
        assertThat(report.getNumberOfFreeSlots()).isEqualTo(1);
    }

    @Test
    void resourceManagerHeartbeatTimeoutLeadsToReRegistration() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(20));
        configuration.set(io.freshet.configuration.HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(5));
        ManualClock clock = new ManualClock();
        startCluster(configuration, clock);

        clock.advanceTime(Duration.ofSeconds(6));

        Exception disconnect = poll(resourceManager.disconnects);
        assertThat(disconnect).hasMessageContaining("heartbeat of ResourceManager");
        assertThat(poll(resourceManager.registrations)).isNotNull();
    }

    // ---- slots ----

    @Test
    void acceptedSlotBecomesActiveAndRejectedSlotIsFreed() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID accepted = allocateAndOffer(0);
        AllocationID rejected = new AllocationID();
        jobMaster.rejectedAllocations.add(rejected);

        RpcTestUtils.await(gateway.requestSlot(new SlotID(taskExecutor.getResourceID(), 1), jobId, rejected,
                jobMaster.getAddress(), resourceManager.leaderId, TIMEOUT));
        poll(jobMaster.offers);

        waitUntil(() -> {
            try {
                return slotReport().getSlots().get(1).isFree();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(slotReport().getSlots().get(0).getAllocationID()).isEqualTo(accepted);
        assertThat(jobMaster.registrations).containsExactly(jobId);
    }

    @Test
    void slotRequestFromAnotherResourceManagerIsRejected() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());

        Throwable failure = failureOf(gateway.requestSlot(new SlotID(taskExecutor.getResourceID(), 0), jobId,
                new AllocationID(), jobMaster.getAddress(),
                io.freshet.runtime.resourcemanager.ResourceManagerId.generate(), TIMEOUT));

        assertThat(failure).hasMessageContaining("not connected to the ResourceManager");
    }

    @Test
    void slotThatIsNeverAcceptedTimesOut() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.TaskManagerOptions.SLOT_TIMEOUT, Duration.ofMillis(100));
        startCluster(configuration, SystemClock.getInstance());
        // the JobMaster is unknown to leader retrieval of another job: point the request at a missing endpoint
        JobID otherJob = new JobID();
        RpcTestUtils.await(gateway.requestSlot(new SlotID(taskExecutor.getResourceID(), 0), otherJob,
                new AllocationID(), rpcService.getAddress() + "/nobody", resourceManager.leaderId, TIMEOUT));
        assertThat(slotReport().getNumberOfFreeSlots()).isEqualTo(1);

        waitUntil(() -> {
            try {
                return slotReport().getNumberOfFreeSlots() == 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void taskExecutorThatCannotRegisterGivesUpAfterTheRegistrationTimeout() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.TaskManagerOptions.REGISTRATION_TIMEOUT, Duration.ofMillis(300));
        shuffle = new TestingShuffleEnvironment();
        // no ResourceManager answers at this address
        taskExecutor = new TaskExecutor(rpcService, TaskManagerConfiguration.fromConfiguration(configuration),
                ResourceID.generate(), new StandaloneLeaderRetrievalService("local://test/no-resourcemanager",
                        UUID.randomUUID()),
                (job, address) -> new StandaloneLeaderRetrievalService(address, UUID.randomUUID()),
                new TaskManagerServices(new MemoryManager(1 << 20, 32 * 1024), shuffle,
                        new LibraryCacheManager(ResolveOrder.CHILD_FIRST, new String[] {"java."},
                                getClass().getClassLoader())),
                fatalErrors::add, SystemClock.getInstance());
        taskExecutor.start();

        Throwable fatal = poll(fatalErrors);

        assertThat(fatal).hasMessageContaining("could not register at the ResourceManager local://test/no-resourcemanager")
                .hasMessageContaining("taskmanager.registration.timeout");
    }

    @Test
    void registeredTaskExecutorDoesNotTimeOut() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.TaskManagerOptions.REGISTRATION_TIMEOUT, Duration.ofMillis(300));
        startCluster(configuration, SystemClock.getInstance());

        assertThat(fatalErrors.poll(600, TimeUnit.MILLISECONDS)).as("no fatal error after registering").isNull();
    }

    // ---- tasks ----

    @Test
    void submittedTaskRunsToFinishedReportingItsStatesInOrder() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        IntermediateDataSetID dataSet = new IntermediateDataSetID();
        ExecutionAttemptID producer = ExecutionAttemptID.randomId();
        ResultPartitionDeploymentDescriptor partition = new ResultPartitionDeploymentDescriptor(dataSet,
                new ResultPartitionID(), ResultPartitionType.PIPELINED, 2, 2);
        InputGateDeploymentDescriptor gate = new InputGateDeploymentDescriptor(dataSet, ResultPartitionType.PIPELINED,
                List.of(new InputChannelDeploymentDescriptor(new ResultPartitionID(), 0, ResourceID.generate(),
                        "localhost", 1)));
        TaskDeploymentDescriptor deployment = deployment(jobId, allocationId,
                TestInvokables.FinishingInvokable.class.getName(), List.of(partition), List.of(gate));

        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));

        List<TaskExecutionState> updates = new ArrayList<>();
        List<ExecutionState> states = statesUntilTerminal(deployment.getExecutionAttemptId(), updates);
        assertThat(states).containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING,
                ExecutionState.FINISHED);
        // only the final report carries the run's busy/idle/backpressured split
        assertThat(updates.get(0).getIOMetrics()).isNull();
        assertThat(updates.get(2).getIOMetrics()).isNotNull();
        assertThat(updates.get(2).getIOMetrics().getRunningTimeMillis())
                .isEqualTo(updates.get(2).getIOMetrics().getAccumulateBusyTime()
                        + updates.get(2).getIOMetrics().getAccumulateIdleTime()
                        + updates.get(2).getIOMetrics().getAccumulateBackPressuredTime());
        TestingShuffleEnvironment.CountingWriter writer = shuffle.writers.peek();
        assertThat(writer.finished).isTrue();
        assertThat(writer.failed).isFalse();
        assertThat(writer.closed).isTrue();
        assertThat(shuffle.gates.peek().closed).isTrue();
        assertThat(producer).isNotNull();
    }

    @Test
    void failingInvokableReportsFailedWithItsException() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.FailingInvokable.class);

        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));

        List<TaskExecutionState> updates = new ArrayList<>();
        assertThat(statesUntilTerminal(deployment.getExecutionAttemptId(), updates))
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FAILED);
        TaskExecutionState failed = updates.get(updates.size() - 1);
        assertThat(failed.getError().getOriginalClassName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.getError()).hasMessageContaining(TestInvokables.FailingInvokable.MESSAGE);
    }

    @Test
    void cancelledBlockingTaskEndsCanceled() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.BlockingInvokable.class);
        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));
        assertThat(TestInvokables.running.await(WAIT, TimeUnit.SECONDS)).isTrue();

        RpcTestUtils.await(gateway.cancelTask(deployment.getExecutionAttemptId(), TIMEOUT));

        assertThat(statesUntilTerminal(deployment.getExecutionAttemptId(), new ArrayList<>()))
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.CANCELED);
        assertThat(fatalErrors).isEmpty();
    }

    @Test
    void cancellationWatchdogReportsFailedAndCallsTheFatalErrorHandler() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.TaskManagerOptions.TASK_CANCELLATION_INTERVAL,
                Duration.ofMillis(20));
        configuration.set(io.freshet.configuration.TaskManagerOptions.TASK_CANCELLATION_TIMEOUT,
                Duration.ofMillis(200));
        startCluster(configuration, SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId,
                TestInvokables.InterruptIgnoringInvokable.class);
        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));
        assertThat(TestInvokables.running.await(WAIT, TimeUnit.SECONDS)).isTrue();

        RpcTestUtils.await(gateway.cancelTask(deployment.getExecutionAttemptId(), TIMEOUT));

        Throwable fatal = poll(fatalErrors);
        assertThat(fatal).hasMessageContaining("did not stop within 200 ms")
                .hasMessageContaining("task.cancellation.timeout");
        List<TaskExecutionState> updates = new ArrayList<>();
        assertThat(statesUntilTerminal(deployment.getExecutionAttemptId(), updates))
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FAILED);
        assertThat(updates.get(2).getError()).hasMessageContaining("did not stop within");
        TestInvokables.release.countDown();
    }

    @Test
    void submissionIntoAnUnallocatedSlotOrForAnotherJobFailsClearly() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);

        Throwable unallocated = failureOf(gateway.submitTask(
                deployment(new AllocationID(), TestInvokables.FinishingInvokable.class), jobMaster.leaderId, TIMEOUT));
        Throwable otherJob = failureOf(gateway.submitTask(deployment(new JobID(), allocationId,
                TestInvokables.FinishingInvokable.class.getName(), List.of(), List.of()), jobMaster.leaderId,
                TIMEOUT));
        Throwable staleLeader = failureOf(gateway.submitTask(
                deployment(allocationId, TestInvokables.FinishingInvokable.class), JobMasterId.generate(), TIMEOUT));

        assertThat(unallocated).hasMessageContaining("no active task slot is allocated to job " + jobId);
        assertThat(otherJob).hasMessageContaining("has no JobManager connection for job");
        assertThat(staleLeader).hasMessageContaining("does not match the expected leader id");
    }

    @Test
    void freeingASlotFailsTheTaskInIt() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.BlockingInvokable.class);
        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));
        assertThat(TestInvokables.running.await(WAIT, TimeUnit.SECONDS)).isTrue();

        RpcTestUtils.await(gateway.freeSlot(allocationId, new Exception("slot taken back"), TIMEOUT));

        List<TaskExecutionState> updates = new ArrayList<>();
        assertThat(statesUntilTerminal(deployment.getExecutionAttemptId(), updates))
                .endsWith(ExecutionState.FAILED);
        assertThat(updates.get(updates.size() - 1).getError()).hasMessageContaining("slot taken back");
        waitUntil(() -> {
            try {
                return slotReport().getNumberOfFreeSlots() == 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void jobMasterHeartbeatTimeoutFailsTheJobsTasksAndFreesItsSlots() throws Exception {
        Configuration configuration = configuration();
        configuration.set(io.freshet.configuration.HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(20));
        configuration.set(io.freshet.configuration.HeartbeatManagerOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(5));
        ManualClock clock = new ManualClock();
        startCluster(configuration, clock);
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.BlockingInvokable.class);
        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));
        assertThat(TestInvokables.running.await(WAIT, TimeUnit.SECONDS)).isTrue();
        gateway.heartbeatFromJobManager(jobMaster.ownResourceId);
        assertThat(poll(jobMaster.heartbeats)).containsExactly(deployment.getExecutionAttemptId());

        clock.advanceTime(Duration.ofSeconds(6));

        Exception disconnect = poll(jobMaster.disconnects);
        assertThat(disconnect).hasMessageContaining("heartbeat of JobManager");
        waitUntil(() -> {
            try {
                return slotReport().getNumberOfFreeSlots() == 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(shuffle.releasedJobs).contains(jobId);
    }

    @Test
    void disconnectJobManagerFailsTasksAndFreesSlots() throws Exception {
        startCluster(configuration(), SystemClock.getInstance());
        AllocationID allocationId = allocateAndOffer(0);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.BlockingInvokable.class);
        RpcTestUtils.await(gateway.submitTask(deployment, jobMaster.leaderId, TIMEOUT));
        assertThat(TestInvokables.running.await(WAIT, TimeUnit.SECONDS)).isTrue();

        gateway.disconnectJobManager(jobId, new Exception("job ended"));

        waitUntil(() -> {
            try {
                return slotReport().getNumberOfFreeSlots() == 2;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(shuffle.releasedJobs).contains(jobId);
    }

    // ---- over the network ----

    @Test
    void runsATaskOverTheNettyTransport() throws Exception {
        Configuration rpcConfiguration = new Configuration();
        RpcService master = RpcSystem.netty().createService("master", "127.0.0.1", 0, rpcConfiguration);
        services.add(master);
        RpcService worker = RpcSystem.netty().createService("worker", "127.0.0.1", 0, rpcConfiguration);
        services.add(worker);
        startCluster(master, worker, configuration(), SystemClock.getInstance());
        TaskExecutorGateway remote = RpcTestUtils.await(master.connect(taskExecutor.getAddress(),
                TaskExecutorGateway.class));
        AllocationID allocationId = new AllocationID();
        RpcTestUtils.await(remote.requestSlot(new SlotID(taskExecutor.getResourceID(), 0), jobId, allocationId,
                jobMaster.getAddress(), resourceManager.leaderId, TIMEOUT));
        poll(jobMaster.offers);
        TaskDeploymentDescriptor deployment = deployment(allocationId, TestInvokables.FailingInvokable.class);

        RpcTestUtils.await(remote.submitTask(deployment, jobMaster.leaderId, TIMEOUT));

        List<TaskExecutionState> updates = new ArrayList<>();
        assertThat(statesUntilTerminal(deployment.getExecutionAttemptId(), updates))
                .containsExactly(ExecutionState.INITIALIZING, ExecutionState.RUNNING, ExecutionState.FAILED);
        assertThat(updates.get(2).getError()).hasMessageContaining(TestInvokables.FailingInvokable.MESSAGE);
        assertThat(new File(System.getProperty("java.io.tmpdir"))).exists();
    }
}
