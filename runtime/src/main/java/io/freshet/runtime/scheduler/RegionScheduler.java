package io.freshet.runtime.scheduler;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobStatus;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.ErrorInfo;
import io.freshet.runtime.executiongraph.Execution;
import io.freshet.runtime.executiongraph.ExecutionGraph;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.executiongraph.failover.RestartBackoffTimeStrategy;
import io.freshet.runtime.jobmaster.LogicalSlot;
import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;
import io.freshet.runtime.scheduler.strategy.PipelinedRegion;
import io.freshet.runtime.scheduler.strategy.PipelinedRegionTopology;
import io.freshet.runtime.taskmanager.TaskExecutionState;

/**
 * Schedules a job by pipelined regions and restarts failed regions.
 *
 * <p>Laws:
 * <ul>
 *   <li>A region is deployed as a whole: its subtasks get slots first, and are deployed only once all of them
 *       have one (subtasks of a pipelined region must run together). Source regions start first; a region
 *       whose inputs come through BLOCKING edges starts when every region producing them has finished.</li>
 *   <li>A failed subtask restarts its region and every started region that consumes from it (their inputs
 *       would be incomplete), if the restart strategy allows; after the strategy's backoff the regions get
 *       new attempts. Finished producer regions are not rerun: their blocking results stay available.</li>
 *   <li>When the strategy refuses, the job fails: every subtask is cancelled and the job ends FAILED with the
 *       failure as cause. {@link #cancel()} ends it CANCELED the same way.</li>
 *   <li>Reports about attempts that are no longer current are ignored; every state change follows the
 *       execution state table.</li>
 *   <li>Only FAILED reports of attempts that were not being cancelled are failures: they are recorded, count for
 *       the restart strategy, and the first one that fails the job is its root cause. A task that ends CANCELED
 *       without having been asked to (a consumer whose producer failed) is no failure; the task whose failure it
 *       reacted to reports that failure itself.</li>
 *   <li>Everything runs on the JobMaster's main thread; futures are handed back to it through
 *       {@code mainThreadExecutor}.</li>
 * </ul>
 */
public final class RegionScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(RegionScheduler.class);

    private final ExecutionGraph graph;
    private final PipelinedRegionTopology topology;
    private final ExecutionSlotAllocator slotAllocator;
    private final RestartBackoffTimeStrategy restartStrategy;
    private final ScheduledExecutor mainThreadExecutor;
    private final Duration rpcTimeout;

    private final CompletableFuture<JobStatus> terminationFuture = new CompletableFuture<>();
    /** Regions deployed (or being deployed) in the current attempt; a restart removes them. */
    private final Set<PipelinedRegion> scheduledRegions = new HashSet<>();
    private final Set<PipelinedRegion> finishedRegions = new HashSet<>();
    /** Per region, bumped on every restart, so late slot futures of an earlier attempt are ignored. */
    private final Map<PipelinedRegion, Integer> regionVersions = new HashMap<>();
    private final Set<PipelinedRegion> restartingRegions = new HashSet<>();
    /** Told of every subtask that starts over as a new attempt (operator coordinators forget what it had). */
    private java.util.function.Consumer<ExecutionVertex> resetListener = vertex -> {};
    /** Gives subtasks that start over the state to restore (the latest completed checkpoint). */
    private java.util.function.Consumer<java.util.Collection<ExecutionVertex>> restoreListener = vertices -> {};
    /** Told of every task failure before the failover it causes (the checkpoint coordinator). */
    private java.util.function.Consumer<Throwable> failureListener = cause -> {};

    public RegionScheduler(ExecutionGraph graph, PipelinedRegionTopology topology, ExecutionSlotAllocator slotAllocator,
            RestartBackoffTimeStrategy restartStrategy, ScheduledExecutor mainThreadExecutor, Duration rpcTimeout) {
        this.graph = graph;
        this.topology = topology;
        this.slotAllocator = slotAllocator;
        this.restartStrategy = restartStrategy;
        this.mainThreadExecutor = mainThreadExecutor;
        this.rpcTimeout = rpcTimeout;
    }

    /** Registers who is told of every subtask reset before its new attempt is scheduled. */
    public void setSubtaskResetListener(java.util.function.Consumer<ExecutionVertex> listener) {
        this.resetListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Registers who gives restarted subtasks their state before they are scheduled again. */
    public void setRestoreListener(java.util.function.Consumer<java.util.Collection<ExecutionVertex>> listener) {
        this.restoreListener = listener;
    }

    /** Registers who hears of every task failure before the failover it causes. */
    public void setFailureListener(java.util.function.Consumer<Throwable> listener) {
        this.failureListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    public ExecutionGraph getExecutionGraph() {
        return graph;
    }

    /** Completes with the job's final status (FINISHED, FAILED or CANCELED). */
    public CompletableFuture<JobStatus> getJobTerminationFuture() {
        return terminationFuture;
    }

    // ---- scheduling ----

    public void startScheduling() {
        graph.transitionState(JobStatus.RUNNING);
        LOG.info("Job {} ({}) switched to RUNNING; {} pipelined regions.", graph.getJobName(), graph.getJobId(),
                topology.getAllPipelinedRegions().size());
        for (PipelinedRegion region : topology.getSourceRegions()) {
            scheduleRegion(region);
        }
    }

    private void scheduleRegion(PipelinedRegion region) {
        if (graph.getState() != JobStatus.RUNNING || !scheduledRegions.add(region)) {
            return;
        }
        int version = regionVersions.merge(region, 1, Integer::sum);
        List<ExecutionVertex> vertices = verticesOf(region);
        List<CompletableFuture<LogicalSlot>> slots = new ArrayList<>(vertices.size());
        for (ExecutionVertex vertex : vertices) {
            vertex.getCurrentExecution().transitionTo(ExecutionState.SCHEDULED);
            slots.add(slotAllocator.allocateSlotFor(vertex));
        }
        CompletableFuture.allOf(slots.toArray(new CompletableFuture<?>[0])).whenComplete((ignored, failure) ->
                mainThreadExecutor.execute(() -> onSlotsAllocated(region, version, vertices, slots, failure)));
    }

    private void onSlotsAllocated(PipelinedRegion region, int version, List<ExecutionVertex> vertices,
            List<CompletableFuture<LogicalSlot>> slots, Throwable failure) {
        if (regionVersions.get(region) != version || graph.getState() != JobStatus.RUNNING) {
            for (int i = 0; i < vertices.size(); i++) {
                if (!slots.get(i).isCompletedExceptionally()) {
                    slotAllocator.releaseSlotOf(vertices.get(i), new IllegalStateException("region was restarted"));
                }
            }
            return;
        }
        if (failure != null) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            handleFailure(vertices.get(0), cause);
            return;
        }
        try {
            for (int i = 0; i < vertices.size(); i++) {
                graph.assignSlot(vertices.get(i), slots.get(i).join());
            }
            for (ExecutionVertex vertex : vertices) {
                deploy(vertex);
            }
        } catch (RuntimeException e) {
            LOG.error("Could not deploy a region of job {} ({}).", graph.getJobName(), graph.getJobId(), e);
            handleFailure(vertices.get(0), e);
        }
    }

    private void deploy(ExecutionVertex vertex) {
        Execution execution = vertex.getCurrentExecution();
        if (!execution.transitionTo(ExecutionState.DEPLOYING)) {
            return;
        }
        LogicalSlot slot = execution.getAssignedSlot();
        LOG.info("{} ({}) switched from SCHEDULED to DEPLOYING, deploying to {}.",
                vertex.getTaskNameWithSubtaskIndex(), execution.getAttemptId(), slot);
        slot.getTaskManagerGateway().submitTask(graph.createDeploymentDescriptor(vertex), rpcTimeout)
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        mainThreadExecutor.execute(() -> {
                            if (graph.findCurrentAttempt(execution.getAttemptId()) != null) {
                                handleFailure(vertex, new TaskDeploymentException("could not deploy "
                                        + vertex.getTaskNameWithSubtaskIndex() + " to " + slot + ": " + failure, failure));
                            }
                        });
                    }
                });
    }

    // ---- task state updates ----

    /** Applies a task's state report; returns false for an unknown or outdated attempt. */
    public boolean updateTaskExecutionState(TaskExecutionState state) {
        ExecutionVertex vertex = graph.findCurrentAttempt(state.getID());
        if (vertex == null) {
            return false;
        }
        Execution execution = vertex.getCurrentExecution();
        ExecutionState previous = execution.getState();
        if (state.getExecutionState() == ExecutionState.CANCELED
                && !ExecutionState.isValidTransition(previous, ExecutionState.CANCELED)
                && ExecutionState.isValidTransition(previous, ExecutionState.CANCELING)) {
            // The task cancelled itself: it could not go on because another task failed (its producer), and that
            // task reports the failure. The TaskExecutor does not forward CANCELING, so the attempt passes through
            // it here; ending CANCELED, it is no failure of its own.
            execution.transitionTo(ExecutionState.CANCELING);
        }
        if (!execution.transitionTo(state.getExecutionState())) {
            LOG.debug("Ignoring {} for {}: it is {}.", state.getExecutionState(), vertex, previous);
            return false;
        }
        LOG.info("{} ({}) switched from {} to {}.", vertex.getTaskNameWithSubtaskIndex(), execution.getAttemptId(),
                previous, state.getExecutionState());
        if (state.getIOMetrics() != null) {
            execution.setIOMetrics(state.getIOMetrics());
        }
        switch (state.getExecutionState()) {
            case FINISHED:
                onTaskFinished(vertex);
                break;
            case FAILED: {
                Throwable cause = state.getError() != null ? state.getError()
                        : new IllegalStateException(vertex + " failed without a reported cause");
                execution.setFailureCauseFromReport(cause);
                if (previous == ExecutionState.CANCELING) {
                    onTaskTerminated(vertex); // a task we were cancelling failed on its way out: not a new failure
                } else {
                    handleFailure(vertex, cause);
                }
                break;
            }
            case CANCELED:
                onTaskTerminated(vertex);
                break;
            default:
                break;
        }
        return true;
    }

    private void onTaskFinished(ExecutionVertex vertex) {
        PipelinedRegion region = topology.getPipelinedRegionOfVertex(vertex.getId());
        if (graph.getState() == JobStatus.RUNNING && allInState(region, ExecutionState.FINISHED)) {
            finishedRegions.add(region);
            for (PipelinedRegion consumer : region.getConsumerRegions()) {
                if (finishedRegions.containsAll(consumer.getProducerRegions())) {
                    scheduleRegion(consumer);
                }
            }
        }
        if (graph.getState() == JobStatus.RUNNING
                && finishedRegions.size() == topology.getAllPipelinedRegions().size()) {
            completeJob(JobStatus.FINISHED);
        }
        onTaskTerminated(vertex);
    }

    // ---- failures and restarts ----

    /** Fails the current attempt of {@code vertex} (its TaskExecutor was lost, say) and reacts as to a reported failure. */
    public void failExecution(ExecutionVertex vertex, Throwable cause) {
        Execution execution = vertex.getCurrentExecution();
        if (execution.getState().isTerminal()) {
            return;
        }
        execution.setFailureCauseFromReport(cause);
        handleFailure(vertex, cause);
    }

    private void handleFailure(ExecutionVertex vertex, Throwable cause) {
        if (graph.getState() != JobStatus.RUNNING) {
            onTaskTerminated(vertex);
            return;
        }
        Execution execution = vertex.getCurrentExecution();
        boolean wasCancelling = execution.getState() == ExecutionState.CANCELING;
        if (!execution.getState().isTerminal()) {
            execution.transitionTo(ExecutionState.FAILED);
        }
        slotAllocator.releaseSlotOf(vertex, cause);
        if (wasCancelling || restartingRegions.contains(topology.getPipelinedRegionOfVertex(vertex.getId()))) {
            // part of a restart already under way (a TaskExecutor lost with several tasks of the region, say)
            onTaskTerminated(vertex);
            return;
        }
        graph.recordFailure(failureInfo(vertex, execution, cause));
        failureListener.accept(cause);
        failover(regionsToRestart(topology.getPipelinedRegionOfVertex(vertex.getId())),
                vertex.getTaskNameWithSubtaskIndex() + " failed", cause);
    }

    /**
     * Fails the whole job over with {@code cause} (too many failed checkpoints, say): every started region restarts,
     * as the restart strategy allows, or the job fails.
     */
    public void failGlobal(Throwable cause) {
        if (graph.getState() != JobStatus.RUNNING) {
            return;
        }
        graph.recordFailure(new ErrorInfo(cause, System.currentTimeMillis(), null, null, null));
        Set<PipelinedRegion> all = new LinkedHashSet<>(scheduledRegions);
        all.addAll(finishedRegions);
        failover(all, "the job failed over", cause);
    }

    private void failover(Set<PipelinedRegion> toRestart, String what, Throwable cause) {
        restartStrategy.notifyFailure(cause);
        if (!restartStrategy.canRestart()) {
            LOG.info("Job {} ({}) fails: {} and {} allows no more restarts.", graph.getJobName(),
                    graph.getJobId(), what, restartStrategy, cause);
            graph.setFailureCause(cause);
            graph.transitionState(JobStatus.FAILING);
            cancelAll();
            checkTermination();
            return;
        }
        toRestart.removeAll(restartingRegions); // those restart with the restart already scheduled for them
        long backoff = restartStrategy.getBackoffTime();
        LOG.info("{}; restarting {} region(s) in {} ms ({}).", what, toRestart.size(), backoff, restartStrategy,
                cause);
        for (PipelinedRegion region : toRestart) {
            restartingRegions.add(region);
            regionVersions.merge(region, 1, Integer::sum);
            scheduledRegions.remove(region);
            finishedRegions.remove(region);
            for (ExecutionVertex member : verticesOf(region)) {
                cancelExecution(member);
            }
        }
        mainThreadExecutor.schedule(() -> restartRegions(toRestart), backoff, TimeUnit.MILLISECONDS);
    }

    private static ErrorInfo failureInfo(ExecutionVertex vertex, Execution execution, Throwable cause) {
        LogicalSlot slot = execution.getAssignedSlot();
        return new ErrorInfo(cause, System.currentTimeMillis(), vertex.getTaskNameWithSubtaskIndex(),
                slot == null ? null : slot.getDataHost() + ":" + slot.getDataPort(),
                slot == null ? null : slot.getTaskManagerId().toString());
    }

    /** The failed region and every region that consumes, transitively, from it and has been started. */
    private Set<PipelinedRegion> regionsToRestart(PipelinedRegion failed) {
        Set<PipelinedRegion> result = new LinkedHashSet<>();
        Deque<PipelinedRegion> queue = new ArrayDeque<>();
        queue.add(failed);
        while (!queue.isEmpty()) {
            PipelinedRegion region = queue.poll();
            if (result.add(region)) {
                for (PipelinedRegion consumer : region.getConsumerRegions()) {
                    if (scheduledRegions.contains(consumer) || finishedRegions.contains(consumer)) {
                        queue.add(consumer);
                    }
                }
            }
        }
        return result;
    }

    private void restartRegions(Set<PipelinedRegion> regions) {
        if (!restartingRegions.containsAll(regions)) {
            return; // restarted already (never twice for one failure)
        }
        if (graph.getState() != JobStatus.RUNNING) {
            restartingRegions.removeAll(regions);
            return;
        }
        for (PipelinedRegion region : regions) {
            for (ExecutionVertex vertex : verticesOf(region)) {
                if (!vertex.getCurrentExecution().getState().isTerminal()
                        && vertex.getCurrentExecution().getState() != ExecutionState.CREATED) {
                    // still cancelling: try again shortly (cancellation reports arrive through RPC)
                    mainThreadExecutor.schedule(() -> restartRegions(regions), 10, TimeUnit.MILLISECONDS);
                    return;
                }
            }
        }
        restartingRegions.removeAll(regions);
        List<ExecutionVertex> restarted = new ArrayList<>();
        for (PipelinedRegion region : regions) {
            for (ExecutionVertex vertex : verticesOf(region)) {
                vertex.resetForNewExecution();
                resetListener.accept(vertex);
                restarted.add(vertex);
            }
        }
        restoreListener.accept(restarted);
        for (PipelinedRegion region : regions) {
            if (finishedRegions.containsAll(region.getProducerRegions())) {
                scheduleRegion(region);
            }
        }
    }

    /**
     * Fails the whole job at once with {@code cause}, without restarts (a failure no restart can fix, such as an
     * operator coordinator that broke): every subtask is cancelled and the job ends FAILED.
     */
    public void failJob(Throwable cause) {
        if (graph.getState() != JobStatus.RUNNING) {
            return;
        }
        LOG.info("Job {} ({}) fails: {}", graph.getJobName(), graph.getJobId(), cause.toString(), cause);
        graph.recordFailure(new ErrorInfo(cause, System.currentTimeMillis(), null, null, null));
        graph.setFailureCause(cause);
        graph.transitionState(JobStatus.FAILING);
        cancelAll();
        checkTermination();
    }

    // ---- cancellation ----

    /** Cancels the job; the termination future completes with CANCELED once every subtask has stopped. */
    public void cancel() {
        if (graph.getState().isTerminalState() || graph.getState() == JobStatus.CANCELLING) {
            return;
        }
        LOG.info("Job {} ({}) switched from {} to CANCELLING.", graph.getJobName(), graph.getJobId(), graph.getState());
        graph.transitionState(JobStatus.CANCELLING);
        cancelAll();
        checkTermination();
    }

    private void cancelAll() {
        for (ExecutionVertex vertex : graph.getAllExecutionVertices()) {
            cancelExecution(vertex);
        }
    }

    private void cancelExecution(ExecutionVertex vertex) {
        Execution execution = vertex.getCurrentExecution();
        ExecutionState state = execution.getState();
        if (state.isTerminal()) {
            return;
        }
        if (state == ExecutionState.CREATED || state == ExecutionState.SCHEDULED) {
            execution.transitionTo(ExecutionState.CANCELED);
            slotAllocator.releaseSlotOf(vertex, new IllegalStateException("cancelled"));
            return;
        }
        execution.transitionTo(ExecutionState.CANCELING);
        LogicalSlot slot = execution.getAssignedSlot();
        slot.getTaskManagerGateway().cancelTask(execution.getAttemptId(), rpcTimeout).whenComplete((ack, failure) -> {
            if (failure != null) {
                // the TaskExecutor is unreachable: its tasks are gone with it
                mainThreadExecutor.execute(() -> {
                    if (graph.findCurrentAttempt(execution.getAttemptId()) != null
                            && execution.transitionTo(ExecutionState.CANCELED)) {
                        onTaskTerminated(vertex);
                    }
                });
            }
        });
    }

    private void onTaskTerminated(ExecutionVertex vertex) {
        if (vertex.getCurrentExecution().getState().isTerminal()) {
            slotAllocator.releaseSlotOf(vertex, null);
        }
        checkTermination();
    }

    private void checkTermination() {
        JobStatus status = graph.getState();
        if (status != JobStatus.CANCELLING && status != JobStatus.FAILING) {
            return;
        }
        for (ExecutionVertex vertex : graph.getAllExecutionVertices()) {
            if (!vertex.getCurrentExecution().getState().isTerminal()) {
                return;
            }
        }
        completeJob(status == JobStatus.CANCELLING ? JobStatus.CANCELED : JobStatus.FAILED);
    }

    private void completeJob(JobStatus finalStatus) {
        LOG.info("Job {} ({}) switched from {} to {}.", graph.getJobName(), graph.getJobId(), graph.getState(),
                finalStatus);
        graph.transitionState(finalStatus);
        terminationFuture.complete(finalStatus);
    }

    // ---- helpers ----

    private List<ExecutionVertex> verticesOf(PipelinedRegion region) {
        List<ExecutionVertex> result = new ArrayList<>(region.getVertices().size());
        for (ExecutionVertexID id : region.getVertices()) {
            result.add(graph.getExecutionVertex(id));
        }
        return result;
    }

    private boolean allInState(PipelinedRegion region, ExecutionState state) {
        for (ExecutionVertexID id : region.getVertices()) {
            if (graph.getExecutionVertex(id).getCurrentExecution().getState() != state) {
                return false;
            }
        }
        return true;
    }

    /** Raised when a TaskExecutor does not accept a deployment. */
    public static final class TaskDeploymentException extends Exception {
        private static final long serialVersionUID = 1L;

        TaskDeploymentException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    Collection<PipelinedRegion> scheduledRegionsForTesting() {
        return scheduledRegions;
    }
}
