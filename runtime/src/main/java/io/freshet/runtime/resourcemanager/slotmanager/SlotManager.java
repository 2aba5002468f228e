package io.freshet.runtime.resourcemanager.slotmanager;

import io.freshet.api.common.JobID;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.clusterframework.types.SlotID;
import io.freshet.runtime.concurrent.FutureUtils;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.resourcemanager.ResourceManagerId;
import io.freshet.runtime.taskexecutor.SlotReport;
import io.freshet.runtime.taskexecutor.SlotStatus;
import io.freshet.runtime.taskexecutor.TaskExecutorGateway;
import io.freshet.util.clock.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ResourceManager's book of slots: which TaskExecutor has which slots, which of them are free, which are being
 * requested for a job, which are allocated to which job, and how many slots each job has declared it needs. It
 * allocates free slots to jobs that hold fewer than they declared.
 *
 * <h2>Threading</h2>
 * A plain object owned by the ResourceManager and used only from its main thread, including the completions of
 * {@code requestSlot} calls, which come back through the main-thread executor given to {@link #start}.
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li><b>Slot states.</b> A slot is <em>free</em>, <em>pending</em> (a {@code requestSlot} for a job is in flight)
 *       or <em>allocated</em> to a job under an {@link AllocationID}. A job <em>holds</em> its pending and allocated
 *       slots.</li>
 *   <li><b>Reports are the truth.</b> A slot report (at registration and with every heartbeat) overrides the view:
 *       a slot reported allocated is allocated to what the report says, a slot reported free is free, except that a
 *       pending slot stays pending (the report may predate the request) until its request succeeds, fails or times
 *       out. Lowering a declaration therefore frees nothing here; the JobMaster gives slots back to the
 *       TaskExecutors, and their next reports free them.</li>
 *   <li><b>Allocation.</b> Whenever slots, declarations or reports change, jobs are served in the order of their
 *       first declaration (first come, first served): each gets free slots until it holds what it declared. Slots
 *       are taken from TaskExecutors in registration order (fill one first) or, with
 *       {@code cluster.evenly-spread-out-slots}, from the TaskExecutor with the lowest share of occupied slots.</li>
 *   <li><b>Failed requests.</b> A {@code requestSlot} that fails or times out makes its slot free again, but the
 *       slot is not requested again until its TaskExecutor reports it anew: the job is retried on other free slots
 *       first, and a failing TaskExecutor is not hammered (its next heartbeat paces the retries).</li>
 *   <li><b>Missing slots.</b> When the declarations exceed the free slots, the shortfall not already covered by
 *       workers on their way is asked of {@link ResourceActions#allocateResources}, and each job short of slots is
 *       logged once at INFO (again only after it was served in full in between).</li>
 *   <li><b>Lost TaskExecutors.</b> Unregistering a TaskExecutor drops its slots; jobs that held some hold fewer
 *       and are served again from the remaining free slots.</li>
 * </ul>
 */
public class SlotManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlotManager.class);

    private final SlotManagerConfiguration configuration;
    private final Clock clock;

    /** Registered TaskExecutors in registration order. */
    private final Map<ResourceID, TaskManagerRegistration> taskManagers = new LinkedHashMap<>();
    /** Declarations in the order of each job's first declaration. */
    private final Map<JobID, JobRequirement> requirements = new LinkedHashMap<>();
    /** Slots that workers being started will bring. */
    private int pendingWorkerSlots;

    private boolean started;
    private ResourceManagerId resourceManagerId;
    private ScheduledExecutor mainThreadExecutor;
    private ResourceActions resourceActions;
    private ScheduledFuture<?> idleCheck;

    public SlotManager(SlotManagerConfiguration configuration, Clock clock) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- lifecycle ----

    /**
     * Starts allocating: slot requests carry {@code resourceManagerId}, their results come back through
     * {@code mainThreadExecutor}, and idle TaskExecutors are checked for every half
     * {@code resourcemanager.taskmanager-timeout}.
     */
    public void start(ResourceManagerId resourceManagerId, ScheduledExecutor mainThreadExecutor,
            ResourceActions resourceActions) {
        if (started) {
            throw new IllegalStateException("The slot manager is already started.");
        }
        this.resourceManagerId = Objects.requireNonNull(resourceManagerId, "resourceManagerId");
        this.mainThreadExecutor = Objects.requireNonNull(mainThreadExecutor, "mainThreadExecutor");
        this.resourceActions = Objects.requireNonNull(resourceActions, "resourceActions");
        this.started = true;
        scheduleIdleCheck();
        checkResourceRequirements();
    }

    /** Forgets everything and stops; results of requests still in flight are ignored. Idempotent. */
    @Override
    public void close() {
        started = false;
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        taskManagers.clear();
        requirements.clear();
        pendingWorkerSlots = 0;
    }

    // ---- TaskExecutors ----

    /**
     * Registers a TaskExecutor with its slots, or replaces the registration of the same resource ID: then slot
     * states carry over as the new report allows (see the class comment), requests in flight keep their slots
     * pending, and future requests use {@code gateway}.
     */
    public void registerTaskManager(ResourceID resourceId, TaskExecutorGateway gateway, SlotReport slotReport) {
        Objects.requireNonNull(gateway, "gateway");
        TaskManagerRegistration taskManager = taskManagers.get(resourceId);
        if (taskManager == null) {
            taskManager = new TaskManagerRegistration(resourceId, gateway);
            taskManagers.put(resourceId, taskManager);
            pendingWorkerSlots = Math.max(0, pendingWorkerSlots - slotReport.getSlots().size());
            LOG.debug("Registered TaskExecutor {} with {} slots.", resourceId, slotReport.getSlots().size());
        } else {
            taskManager.gateway = gateway;
            LOG.debug("Replaced the registration of TaskExecutor {}.", resourceId);
        }
        applySlotReport(taskManager, slotReport, true);
        checkResourceRequirements();
    }

    /**
     * Drops a TaskExecutor and its slots; the jobs that held slots there are served again.
     *
     * @return the jobs that held slots on it (empty if it was not registered)
     */
    public Set<JobID> unregisterTaskManager(ResourceID resourceId, Exception cause) {
        TaskManagerRegistration taskManager = taskManagers.remove(resourceId);
        if (taskManager == null) {
            return Collections.emptySet();
        }
        Set<JobID> affectedJobs = new LinkedHashSet<>();
        for (TaskManagerSlot slot : taskManager.slots.values()) {
            if (slot.jobId != null) {
                affectedJobs.add(slot.jobId);
            }
        }
        LOG.debug("Unregistered TaskExecutor {} ({}); jobs that lost slots: {}.", resourceId, cause.getMessage(),
                affectedJobs);
        checkResourceRequirements();
        return affectedJobs;
    }

    /**
     * Applies a slot report of a registered TaskExecutor.
     *
     * @return false if the TaskExecutor is not registered (the report is ignored)
     */
    public boolean reportSlotStatus(ResourceID resourceId, SlotReport slotReport) {
        TaskManagerRegistration taskManager = taskManagers.get(resourceId);
        if (taskManager == null) {
            LOG.debug("Ignored a slot report of the unregistered TaskExecutor {}.", resourceId);
            return false;
        }
        applySlotReport(taskManager, slotReport, false);
        checkResourceRequirements();
        return true;
    }

    private void applySlotReport(TaskManagerRegistration taskManager, SlotReport slotReport, boolean registration) {
        Set<SlotID> reported = new LinkedHashSet<>();
        for (SlotStatus status : slotReport) {
            SlotID slotId = status.getSlotID();
            if (!slotId.getResourceID().equals(taskManager.resourceId)) {
                LOG.warn("TaskExecutor {} reported slot {} of another TaskExecutor; ignored it.",
                        taskManager.resourceId, slotId);
                continue;
            }
            reported.add(slotId);
            TaskManagerSlot slot = taskManager.slots.get(slotId.getSlotNumber());
            if (slot == null) {
                slot = new TaskManagerSlot(slotId);
                taskManager.slots.put(slotId.getSlotNumber(), slot);
            }
            slot.applyStatus(status);
        }
        Iterator<TaskManagerSlot> slots = taskManager.slots.values().iterator();
        while (slots.hasNext()) {
            TaskManagerSlot slot = slots.next();
            if (!reported.contains(slot.slotId)) {
                LOG.debug("TaskExecutor {} no longer reports slot {}; dropped it.", taskManager.resourceId,
                        slot.slotId);
                slots.remove();
            }
        }
        if (registration) {
            taskManager.idleSinceMillis = -1L;
        }
        updateIdleState(taskManager);
    }

    // ---- declarations ----

    /**
     * Job {@code jobId}, whose JobMaster is at {@code jobMasterAddress}, now needs {@code numberOfSlots} slots in
     * total. 0 removes the declaration (and its place in the queue); other values keep the job's place.
     */
    public void processResourceRequirements(JobID jobId, String jobMasterAddress, int numberOfSlots) {
        if (numberOfSlots < 0) {
            throw new IllegalArgumentException("A job cannot need a negative number of slots: " + numberOfSlots);
        }
        if (numberOfSlots == 0) {
            clearResourceRequirements(jobId);
            return;
        }
        JobRequirement requirement = requirements.get(jobId);
        if (requirement == null) {
            requirements.put(jobId, new JobRequirement(jobId, jobMasterAddress, numberOfSlots));
        } else {
            requirement.jobMasterAddress = jobMasterAddress;
            requirement.numberOfSlots = numberOfSlots;
        }
        LOG.debug("Job {} declared that it needs {} slots.", jobId, numberOfSlots);
        checkResourceRequirements();
    }

    /** Drops the declaration of {@code jobId}; its slots stay as they are until reports free them. */
    public void clearResourceRequirements(JobID jobId) {
        if (requirements.remove(jobId) != null) {
            LOG.debug("Dropped the declaration of job {}.", jobId);
        }
    }

    // ---- workers ----

    /** Workers promised by {@link ResourceActions#allocateResources} that will bring {@code slots} failed to start. */
    public void notifyWorkersFailed(int slots) {
        pendingWorkerSlots = Math.max(0, pendingWorkerSlots - slots);
        checkResourceRequirements();
    }

    /** Asks for the release of TaskExecutors whose slots have all been free for the TaskManager timeout. */
    public void checkTaskManagerTimeouts() {
        if (!started) {
            return;
        }
        long now = clock.relativeTimeMillis();
        long timeoutMillis = configuration.getTaskManagerTimeout().toMillis();
        List<ResourceID> idle = new ArrayList<>();
        for (TaskManagerRegistration taskManager : taskManagers.values()) {
            if (taskManager.idleSinceMillis >= 0 && now - taskManager.idleSinceMillis >= timeoutMillis) {
                idle.add(taskManager.resourceId);
            }
        }
        for (ResourceID resourceId : idle) {
            TaskManagerRegistration taskManager = taskManagers.get(resourceId);
            if (taskManager == null || !started) {
                continue;
            }
            // Asked again only after another full timeout, whatever the answer.
            taskManager.idleSinceMillis = now;
            resourceActions.releaseResource(resourceId, new TimeoutException("TaskExecutor " + resourceId
                    + " has had no allocated slot for " + timeoutMillis + " ms ('"
                    + "resourcemanager.taskmanager-timeout').")
            );
        }
    }

    private void scheduleIdleCheck() {
        long periodMillis = Math.max(1L, configuration.getTaskManagerTimeout().toMillis() / 2);
        try {
            idleCheck = mainThreadExecutor.schedule(() -> {
                if (started) {
                    checkTaskManagerTimeouts();
                    scheduleIdleCheck();
                }
            }, periodMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Stopped checking for idle TaskExecutors: the executor has stopped.");
        }
    }

    // ---- allocation ----

    /** Serves every job that holds fewer slots than it declared; see the class comment. */
    private void checkResourceRequirements() {
        if (!started) {
            return;
        }
        int totalMissing = 0;
        for (JobRequirement requirement : new ArrayList<>(requirements.values())) {
            int missing = requirement.numberOfSlots - getNumberOfSlotsHeldBy(requirement.jobId);
            while (missing > 0) {
                TaskManagerSlot slot = findFreeSlot();
                if (slot == null) {
                    break;
                }
                requestSlot(slot, requirement);
                missing--;
            }
            if (missing <= 0) {
                requirement.reportedMissing = false;
                continue;
            }
            totalMissing += missing;
            if (!requirement.reportedMissing) {
                requirement.reportedMissing = true;
                LOG.info("Job {} needs {} slots but holds only {}: {} slots are missing. The"
                        + " job waits until TaskExecutors with free slots register (start more TaskManagers or"
                        + " raise 'taskmanager.numberOfTaskSlots'), or until its slot request times out"
                        + " ('slot.request.timeout').", requirement.jobId, requirement.numberOfSlots,
                        requirement.numberOfSlots - missing, missing);
            }
        }
        int uncovered = totalMissing - pendingWorkerSlots;
        if (uncovered > 0) {
            int promised = resourceActions.allocateResources(uncovered);
            pendingWorkerSlots += Math.max(0, promised);
        }
    }

    private TaskManagerSlot findFreeSlot() {
        TaskManagerSlot best = null;
        double bestUtilization = Double.MAX_VALUE;
        for (TaskManagerRegistration taskManager : taskManagers.values()) {
            TaskManagerSlot free = taskManager.firstRequestableSlot();
            if (free == null) {
                continue;
            }
            if (!configuration.isEvenlySpreadOutSlots()) {
                return free;
            }
            double utilization = taskManager.utilization();
            if (utilization < bestUtilization) {
                best = free;
                bestUtilization = utilization;
            }
        }
        return best;
    }

    private void requestSlot(TaskManagerSlot slot, JobRequirement requirement) {
        TaskManagerRegistration taskManager = taskManagers.get(slot.slotId.getResourceID());
        AllocationID allocationId = new AllocationID();
        slot.markPending(requirement.jobId, allocationId);
        updateIdleState(taskManager);
        LOG.debug("Requesting slot {} for job {} ({}).", slot.slotId, requirement.jobId, allocationId);
        CompletableFuture<Acknowledge> answer;
        try {
            answer = taskManager.gateway.requestSlot(slot.slotId, requirement.jobId, allocationId,
                    requirement.jobMasterAddress, resourceManagerId, configuration.getTaskManagerRequestTimeout());
        } catch (RuntimeException e) {
            answer = FutureUtils.completedExceptionally(e);
        }
        answer.whenCompleteAsync((ack, error) -> handleSlotRequestResult(slot.slotId, allocationId, error),
                mainThreadExecutor);
    }

    private void handleSlotRequestResult(SlotID slotId, AllocationID allocationId, Throwable error) {
        if (!started) {
            return;
        }
        TaskManagerRegistration taskManager = taskManagers.get(slotId.getResourceID());
        TaskManagerSlot slot = taskManager == null ? null : taskManager.slots.get(slotId.getSlotNumber());
        if (slot == null || slot.state != SlotState.PENDING || !allocationId.equals(slot.allocationId)) {
            LOG.debug("Ignored the outdated result of the request of slot {} ({}).", slotId, allocationId);
            return;
        }
        if (error == null) {
            slot.markAllocated();
            LOG.debug("Slot {} is allocated to job {} ({}).", slotId, slot.jobId, allocationId);
            return;
        }
        Throwable cause = FutureUtils.stripCompletionException(error);
        LOG.warn("Requesting slot {} for job {} failed; trying other free slots. Cause: {}", slotId, slot.jobId,
                String.valueOf(cause));
        slot.markFree();
        slot.requestableAgain = false;
        updateIdleState(taskManager);
        checkResourceRequirements();
    }

    private void updateIdleState(TaskManagerRegistration taskManager) {
        if (taskManager == null) {
            return;
        }
        if (taskManager.hasOnlyFreeSlots()) {
            if (taskManager.idleSinceMillis < 0) {
                taskManager.idleSinceMillis = clock.relativeTimeMillis();
            }
        } else {
            taskManager.idleSinceMillis = -1L;
        }
    }

    // ---- queries ----

    public int getNumberRegisteredTaskManagers() {
        return taskManagers.size();
    }

    public int getNumberRegisteredSlots() {
        int slots = 0;
        for (TaskManagerRegistration taskManager : taskManagers.values()) {
            slots += taskManager.slots.size();
        }
        return slots;
    }

    public int getNumberFreeSlots() {
        int free = 0;
        for (TaskManagerRegistration taskManager : taskManagers.values()) {
            free += taskManager.countFree();
        }
        return free;
    }

    /** Free slots of one TaskExecutor; 0 if it is not registered. */
    public int getNumberFreeSlotsOf(ResourceID resourceId) {
        TaskManagerRegistration taskManager = taskManagers.get(resourceId);
        return taskManager == null ? 0 : taskManager.countFree();
    }

    /** Pending and allocated slots of {@code jobId}. */
    public int getNumberOfSlotsHeldBy(JobID jobId) {
        int held = 0;
        for (TaskManagerRegistration taskManager : taskManagers.values()) {
            for (TaskManagerSlot slot : taskManager.slots.values()) {
                if (jobId.equals(slot.jobId)) {
                    held++;
                }
            }
        }
        return held;
    }

    /** The declared slot count of {@code jobId}; 0 without a declaration. */
    public int getRequiredSlots(JobID jobId) {
        JobRequirement requirement = requirements.get(jobId);
        return requirement == null ? 0 : requirement.numberOfSlots;
    }

    /** Slots promised by workers being started and not yet registered. */
    public int getNumberPendingWorkerSlots() {
        return pendingWorkerSlots;
    }

    // ---- the book ----

    private enum SlotState {
        FREE,
        PENDING,
        ALLOCATED
    }

    private static final class TaskManagerSlot {
        private final SlotID slotId;
        private SlotState state = SlotState.FREE;
        private JobID jobId;
        private AllocationID allocationId;
        /** False after a failed request, until the next report of this slot. */
        private boolean requestableAgain = true;

        TaskManagerSlot(SlotID slotId) {
            this.slotId = slotId;
        }

        void applyStatus(SlotStatus status) {
            requestableAgain = true;
            if (status.isFree()) {
                if (state != SlotState.PENDING) {
                    markFree();
                }
                return;
            }
            if (state == SlotState.PENDING && status.getAllocationID().equals(allocationId)) {
                markAllocated();
                return;
            }
            // Allocated elsewhere, or allocated before this view knew: the report wins, a pending request is void.
            state = SlotState.ALLOCATED;
            jobId = status.getJobID();
            allocationId = status.getAllocationID();
        }

        void markPending(JobID job, AllocationID allocation) {
            state = SlotState.PENDING;
            jobId = job;
            allocationId = allocation;
        }

        void markAllocated() {
            state = SlotState.ALLOCATED;
        }

        void markFree() {
            state = SlotState.FREE;
            jobId = null;
            allocationId = null;
        }

        boolean isRequestable() {
            return state == SlotState.FREE && requestableAgain;
        }
    }

    private static final class TaskManagerRegistration {
        private final ResourceID resourceId;
        private TaskExecutorGateway gateway;
        /** By slot number. */
        private final Map<Integer, TaskManagerSlot> slots = new TreeMap<>();
        /** Relative time since which all slots are free, or -1. */
        private long idleSinceMillis = -1L;

        TaskManagerRegistration(ResourceID resourceId, TaskExecutorGateway gateway) {
            this.resourceId = resourceId;
            this.gateway = gateway;
        }

        TaskManagerSlot firstRequestableSlot() {
            for (TaskManagerSlot slot : slots.values()) {
                if (slot.isRequestable()) {
                    return slot;
                }
            }
            return null;
        }

        int countFree() {
            int free = 0;
            for (TaskManagerSlot slot : slots.values()) {
                if (slot.state == SlotState.FREE) {
                    free++;
                }
            }
            return free;
        }

        boolean hasOnlyFreeSlots() {
            return countFree() == slots.size();
        }

        double utilization() {
            return slots.isEmpty() ? 1.0 : (double) (slots.size() - countFree()) / slots.size();
        }
    }

    private static final class JobRequirement {
        private final JobID jobId;
        private String jobMasterAddress;
        private int numberOfSlots;
        private boolean reportedMissing;

        JobRequirement(JobID jobId, String jobMasterAddress, int numberOfSlots) {
            this.jobId = jobId;
            this.jobMasterAddress = jobMasterAddress;
            this.numberOfSlots = numberOfSlots;
        }
    }
}
