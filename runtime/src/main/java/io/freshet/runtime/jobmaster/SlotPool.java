package io.freshet.runtime.jobmaster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.scheduler.ExecutionSlotAllocator;
import io.freshet.runtime.taskexecutor.slot.SlotOffer;

/**
 * The JobMaster's slots: physical slots offered by TaskExecutors, shared by subtasks.
 *
 * <p>Sharing: subtask {@code i} of every vertex in one slot sharing group runs in the group's {@code i}-th
 * shared slot (a vertex without group has its own slots), so a job needs, per group, as many slots as its
 * widest vertex. A shared slot is held while any of its subtasks holds it, then given back to its TaskExecutor.
 *
 * <p>Demand: the number of shared slots wanted or held is declared to the ResourceManager (through
 * {@code requirementsListener}) whenever it changes. Offers fulfil waiting shared slots in request order; an
 * offer nobody waits for is rejected (the TaskExecutor frees it). A request not fulfilled within the slot
 * request timeout fails with {@link NoResourceAvailableException}, which fails the subtask. Confined to the
 * JobMaster's main thread.
 */
public final class SlotPool implements ExecutionSlotAllocator {

    private static final Logger LOG = LoggerFactory.getLogger(SlotPool.class);

    private final String jobDescription;
    private final IntConsumer requirementsListener;
    private final ScheduledExecutor mainThreadExecutor;
    private final Duration slotRequestTimeout;
    private final Duration rpcTimeout;

    private final Map<ResourceID, RegisteredTaskManager> taskManagers = new HashMap<>();
    private final Map<SharingKey, SharedSlot> sharedSlots = new LinkedHashMap<>();
    private final Map<ExecutionVertex, SharingKey> slotOfVertex = new HashMap<>();
    private int declaredSlots = -1;

    public SlotPool(String jobDescription, IntConsumer requirementsListener, ScheduledExecutor mainThreadExecutor,
            Duration slotRequestTimeout, Duration rpcTimeout) {
        this.jobDescription = jobDescription;
        this.requirementsListener = requirementsListener;
        this.mainThreadExecutor = mainThreadExecutor;
        this.slotRequestTimeout = slotRequestTimeout;
        this.rpcTimeout = rpcTimeout;
    }

    // ---- TaskExecutors ----

    public void registerTaskManager(ResourceID id, String dataHost, int dataPort, TaskManagerGateway gateway) {
        taskManagers.put(id, new RegisteredTaskManager(id, dataHost, dataPort, gateway));
    }

    public boolean isRegistered(ResourceID id) {
        return taskManagers.containsKey(id);
    }

    /**
     * Forgets a TaskExecutor; returns the subtasks that held its slots. The caller fails them: releasing their
     * slots drops the dead shared slots, and their restarts ask for new ones.
     */
    public List<ExecutionVertex> releaseTaskManager(ResourceID id) {
        taskManagers.remove(id);
        List<ExecutionVertex> affected = new ArrayList<>();
        for (Map.Entry<ExecutionVertex, SharingKey> entry : slotOfVertex.entrySet()) {
            SharedSlot shared = sharedSlots.get(entry.getValue());
            if (shared != null && shared.slot != null && shared.slot.getTaskManagerId().equals(id)) {
                affected.add(entry.getKey());
            }
        }
        return affected;
    }

    /** Takes the offers the pool waits for and returns them; the rest are rejected. */
    public Collection<SlotOffer> offerSlots(ResourceID taskManagerId, Collection<SlotOffer> offers) {
        RegisteredTaskManager taskManager = taskManagers.get(taskManagerId);
        List<SlotOffer> accepted = new ArrayList<>();
        if (taskManager == null) {
            LOG.info("Rejecting {} slot offers of unregistered TaskExecutor {} for {}.", offers.size(), taskManagerId,
                    jobDescription);
            return accepted;
        }
        List<SlotOffer> newOffers = new ArrayList<>();
        for (SlotOffer offer : offers) {
            // a TaskExecutor offers all its slots of the job again after a lost answer: accepting twice is harmless
            if (holdsAllocation(offer)) {
                accepted.add(offer);
            } else {
                newOffers.add(offer);
            }
        }
        Iterator<SlotOffer> pendingOffers = newOffers.iterator();
        for (SharedSlot shared : sharedSlots.values()) {
            if (!pendingOffers.hasNext()) {
                break;
            }
            if (shared.slot == null) {
                SlotOffer offer = pendingOffers.next();
                shared.fulfil(new LogicalSlot(offer.getAllocationId(), taskManagerId, taskManager.dataHost,
                        taskManager.dataPort, taskManager.gateway));
                accepted.add(offer);
            }
        }
        return accepted;
    }

    private boolean holdsAllocation(SlotOffer offer) {
        for (SharedSlot shared : sharedSlots.values()) {
            if (shared.slot != null && shared.slot.getAllocationId().equals(offer.getAllocationId())) {
                return true;
            }
        }
        return false;
    }

    // ---- ExecutionSlotAllocator ----

    @Override
    public CompletableFuture<LogicalSlot> allocateSlotFor(ExecutionVertex vertex) {
        SharingKey key = SharingKey.of(vertex);
        SharedSlot shared = sharedSlots.computeIfAbsent(key, k -> new SharedSlot());
        slotOfVertex.put(vertex, key);
        shared.users++;
        CompletableFuture<LogicalSlot> future = shared.slotFuture();
        if (shared.slot == null && shared.timeoutScheduled == false) {
            shared.timeoutScheduled = true;
            mainThreadExecutor.schedule(() -> timeOutIfPending(key, shared), slotRequestTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        declareRequirements();
        return future;
    }

    @Override
    public void releaseSlotOf(ExecutionVertex vertex, Throwable cause) {
        SharingKey key = slotOfVertex.remove(vertex);
        if (key == null) {
            return;
        }
        SharedSlot shared = sharedSlots.get(key);
        if (shared == null || --shared.users > 0) {
            return;
        }
        sharedSlots.remove(key);
        if (shared.slot != null) {
            LogicalSlot slot = shared.slot;
            slot.getTaskManagerGateway().freeSlot(slot.getAllocationId(),
                    cause != null ? cause : new IllegalStateException("slot no longer needed by " + jobDescription),
                    rpcTimeout);
        } else {
            shared.future.completeExceptionally(new IllegalStateException("slot request cancelled"));
        }
        declareRequirements();
    }

    /** Gives every slot back (the job ended). */
    public void releaseAll(Throwable cause) {
        for (SharedSlot shared : sharedSlots.values()) {
            if (shared.slot != null) {
                shared.slot.getTaskManagerGateway().freeSlot(shared.slot.getAllocationId(), cause, rpcTimeout);
            } else {
                shared.future.completeExceptionally(cause);
            }
        }
        sharedSlots.clear();
        slotOfVertex.clear();
        declareRequirements();
    }

    public int getNumberOfSharedSlots() {
        return sharedSlots.size();
    }

    public int getNumberOfFulfilledSlots() {
        int fulfilled = 0;
        for (SharedSlot shared : sharedSlots.values()) {
            if (shared.slot != null) {
                fulfilled++;
            }
        }
        return fulfilled;
    }

    private void timeOutIfPending(SharingKey key, SharedSlot shared) {
        if (sharedSlots.get(key) != shared || shared.slot != null) {
            return;
        }
        int missing = sharedSlots.size() - getNumberOfFulfilledSlots();
        shared.future.completeExceptionally(new NoResourceAvailableException("Could not acquire the slots " + jobDescription
                + " needs within " + slotRequestTimeout.toMillis() + " ms (slot.request.timeout): it needs "
                + sharedSlots.size() + " slots, " + missing + " of them are missing. Add TaskManagers or slots"
                + " (taskmanager.numberOfTaskSlots), or lower the job's parallelism."));
    }

    private void declareRequirements() {
        int wanted = sharedSlots.size();
        if (wanted != declaredSlots) {
            declaredSlots = wanted;
            requirementsListener.accept(wanted);
        }
    }

    // ---- internals ----

    private static final class RegisteredTaskManager {
        final ResourceID id;
        final String dataHost;
        final int dataPort;
        final TaskManagerGateway gateway;

        RegisteredTaskManager(ResourceID id, String dataHost, int dataPort, TaskManagerGateway gateway) {
            this.id = id;
            this.dataHost = dataHost;
            this.dataPort = dataPort;
            this.gateway = gateway;
        }
    }

    private static final class SharedSlot {
        final CompletableFuture<LogicalSlot> future = new CompletableFuture<>();
        LogicalSlot slot;
        int users;
        boolean timeoutScheduled;

        CompletableFuture<LogicalSlot> slotFuture() {
            return future.thenApply(s -> s);
        }

        void fulfil(LogicalSlot slot) {
            this.slot = slot;
            future.complete(slot);
        }
    }

    /** The slot sharing group (or the vertex, without a group) and the subtask index. */
    private static final class SharingKey {
        final Object group;
        final int subtask;

        private SharingKey(Object group, int subtask) {
            this.group = group;
            this.subtask = subtask;
        }

        static SharingKey of(ExecutionVertex vertex) {
            JobVertex jobVertex = vertex.getJobVertex().getJobVertex();
            Object group = jobVertex.getSlotSharingGroup() != null
                    ? jobVertex.getSlotSharingGroup().getSlotSharingGroupId() : jobVertex.getID();
            return new SharingKey(group, vertex.getSubtaskIndex());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SharingKey && ((SharingKey) o).group.equals(group) && ((SharingKey) o).subtask == subtask;
        }

        @Override
        public int hashCode() {
            return Objects.hash(group, subtask);
        }
    }
}
