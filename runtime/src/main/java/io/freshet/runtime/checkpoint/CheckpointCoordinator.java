package io.freshet.runtime.checkpoint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobStatus;
import io.freshet.configuration.CheckpointingOptions;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.concurrent.ScheduledExecutor;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.executiongraph.Execution;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraph;
import io.freshet.runtime.executiongraph.ExecutionJobVertex;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.jobmaster.LogicalSlot;
import io.freshet.runtime.state.KeyGroupRange;
import io.freshet.runtime.state.KeyGroupRangeAssignment;
import io.freshet.runtime.state.KeyGroupsStateHandle;

/**
 * Takes the checkpoints of one job, on the JobMaster's main thread: every {@code execution.checkpointing.interval} it
 * triggers the source tasks (which snapshot and send a barrier downstream), collects every task's acknowledgement
 * with its state, completes the checkpoint when all have answered (keeping the last
 * {@code execution.checkpointing.num-retained}, written to {@code execution.checkpointing.dir} when one is set), and
 * tells the tasks. A decline or a timeout aborts the checkpoint; more consecutive failures than
 * {@code execution.checkpointing.tolerable-failed-checkpoints} fail the job over. When the scheduler restarts
 * subtasks, {@link #restoreLatestCheckpointedState} gives each the state of the latest completed checkpoint.
 *
 * <p>Checkpoints are taken while every task of the job runs or has finished (finished subtasks are in the checkpoint
 * as finished); while some are being deployed or restarted, the trigger waits for the next interval.
 */
public final class CheckpointCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);

    private final ExecutionGraph graph;
    private final ScheduledExecutor mainThread;
    private final Executor ioExecutor;
    private final Duration rpcTimeout;
    private final long interval;
    private final long timeout;
    private final long minPause;
    private final int maxConcurrent;
    private final int tolerableFailures;
    private final int retained;
    private final CheckpointMetadataStorage storage;
    private final Consumer<Throwable> failover;
    private CoordinatorCheckpoints coordinatorCheckpoints = CoordinatorCheckpoints.NONE;

    private final Map<Long, PendingCheckpoint> pending = new LinkedHashMap<>();
    private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();
    /** A stop-with-savepoint is in progress or done: no checkpoint is triggered any more. */
    private boolean stopping;
    /** The checkpoint the last restore gave the restarted subtasks, or null. */
    private CompletedCheckpoint lastRestored;
    /** The savepoint or retained checkpoint the job started from (not this job's to delete), or null. */
    private CompletedCheckpoint startedFrom;
    private long nextCheckpointId = 1;
    private long lastCompletion;
    private int consecutiveFailures;
    private int numCompleted;
    private int numFailed;
    private ScheduledFuture<?> periodic;
    private volatile boolean shutdown;
    /** Completed checkpoints whose metadata is still being written (they count as in progress). */
    private int beingWritten;
    /** Whether completed checkpoints are kept when the job has ended (decided in {@link #jobEnded}). */
    private volatile boolean keepAfterEnd = true;
    private final CheckpointStatsSnapshot.Tracker stats;
    private final String savepointDirectory;

    /**
     * @param failover fails the job over (restart strategy applies) when too many checkpoints failed in a row
     */
    public CheckpointCoordinator(ExecutionGraph graph, Configuration jobConfiguration, ScheduledExecutor mainThread,
            Executor ioExecutor, Duration rpcTimeout, Consumer<Throwable> failover) {
        this.graph = graph;
        this.mainThread = mainThread;
        this.ioExecutor = ioExecutor;
        this.rpcTimeout = rpcTimeout;
        this.interval = isCheckpointingEnabled(jobConfiguration)
                ? jobConfiguration.get(CheckpointingOptions.CHECKPOINTING_INTERVAL).toMillis() : -1;
        this.timeout = jobConfiguration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
        this.minPause = jobConfiguration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
        this.maxConcurrent = jobConfiguration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
        this.tolerableFailures = jobConfiguration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
        this.retained = Math.max(1, jobConfiguration.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS));
        this.storage = CheckpointMetadataStorage.fromConfiguration(jobConfiguration, graph.getJobId());
        this.failover = failover;
        this.stats = new CheckpointStatsSnapshot.Tracker(new CheckpointStatsSnapshot.Settings(
                jobConfiguration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)
                        == io.freshet.core.execution.CheckpointingMode.EXACTLY_ONCE,
                interval, timeout, minPause, maxConcurrent, tolerableFailures,
                jobConfiguration.get(CheckpointingOptions.ENABLE_UNALIGNED),
                jobConfiguration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION),
                storage.isExternal() ? "FileSystemCheckpointStorage" : "JobManagerCheckpointStorage"));
        if (jobConfiguration.get(CheckpointingOptions.ENABLE_UNALIGNED) && maxConcurrent > 1) {
            throw new IllegalArgumentException("Unaligned checkpoints (execution.checkpointing.unaligned.enabled)"
                    + " take one checkpoint at a time, but execution.checkpointing.max-concurrent-checkpoints is "
                    + maxConcurrent + ". Set it to 1, or turn unaligned checkpoints off.");
        }
        if (interval >= 0 && interval < 10) {
            throw new IllegalArgumentException("execution.checkpointing.interval must be at least 10 ms, not "
                    + interval + " ms.");
        }
        this.savepointDirectory = jobConfiguration.getOptional(CheckpointingOptions.SAVEPOINT_DIRECTORY).orElse(null);
    }

    /** The job's operator coordinators, which take part in every checkpoint. */
    public void setCoordinatorCheckpoints(CoordinatorCheckpoints coordinatorCheckpoints) {
        this.coordinatorCheckpoints = coordinatorCheckpoints;
    }

    /** The job's checkpoint statistics as they are now (any thread). */
    public CheckpointStatsSnapshot getStatsSnapshot() {
        return stats.snapshot();
    }

    /** The id of the latest completed checkpoint, or -1. */
    public long getLatestCompletedCheckpointId() {
        CompletedCheckpoint latest = completed.peekLast();
        return latest == null ? -1 : latest.getCheckpointID();
    }

    /** Whether the job's configuration turns checkpoints on (an interval is set). */
    public static boolean isCheckpointingEnabled(Configuration jobConfiguration) {
        return jobConfiguration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                .map(d -> !d.isZero() && !d.isNegative()).orElse(false);
    }

    /** Starts the periodic trigger (when an interval is set; savepoints work either way). */
    public void start() {
        if (interval < 0) {
            return;
        }
        LOG.info("Checkpoints of job {} ({}) every {} ms (timeout {} ms, {}), stored {}.", graph.getJobName(),
                graph.getJobId(), interval, timeout, maxConcurrent + " at a time", storage);
        scheduleTrigger(interval);
    }

    /** Stops triggering and aborts the checkpoints in progress (the job ended or the JobMaster stops). */
    public void shutdown() {
        shutdown = true;
        if (periodic != null) {
            periodic.cancel(false);
        }
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            abort(checkpoint, new IllegalStateException("the job ended"), false);
        }
    }

    private void scheduleTrigger(long delay) {
        if (!shutdown) {
            periodic = mainThread.schedule(this::triggerPeriodic, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void triggerPeriodic() {
        if (shutdown) {
            return;
        }
        long now = System.currentTimeMillis();
        if (lastCompletion > 0 && now - lastCompletion < minPause) {
            scheduleTrigger(lastCompletion + minPause - now);
            return;
        }
        triggerCheckpoint();
        scheduleTrigger(interval);
    }

    /**
     * Triggers a checkpoint now if the job allows one: it runs with all tasks RUNNING and fewer than the allowed
     * number of checkpoints are in progress. Returns the new checkpoint's id, or -1.
     */
    public long triggerCheckpoint() {
        if (graph.getState() != JobStatus.RUNNING || pending.size() + beingWritten >= maxConcurrent || stopping) {
            return -1;
        }
        try {
            return startCheckpoint(null, CheckpointType.CHECKPOINT).id;
        } catch (CheckpointException e) {
            LOG.debug("Not triggering a checkpoint of job {}: {}", graph.getJobId(), e.getMessage());
            return -1;
        }
    }

    /**
     * Takes a savepoint into {@code targetDirectory} (null: {@code execution.checkpointing.savepoint-dir}); completes
     * with the savepoint's directory, or with the reason it could not be taken.
     */
    public java.util.concurrent.CompletableFuture<String> triggerSavepoint(String targetDirectory) {
        return triggerSavepoint(targetDirectory, CheckpointType.SAVEPOINT);
    }

    /**
     * Takes the savepoint of a stop ({@link CheckpointType#SAVEPOINT_SUSPEND}, or with {@code drain}
     * {@link CheckpointType#SAVEPOINT_TERMINATE}): its sources emit nothing after its barrier and end once it is
     * complete. No checkpoint is triggered after it; if it fails, the job goes on as before.
     */
    public java.util.concurrent.CompletableFuture<String> triggerStopWithSavepoint(String targetDirectory,
            boolean drain) {
        if (stopping) {
            return java.util.concurrent.CompletableFuture.failedFuture(new CheckpointException("Job "
                    + graph.getJobId() + " is being stopped already."));
        }
        java.util.concurrent.CompletableFuture<String> result = triggerSavepoint(targetDirectory,
                drain ? CheckpointType.SAVEPOINT_TERMINATE : CheckpointType.SAVEPOINT_SUSPEND);
        if (!result.isDone()) {
            stopping = true;
            result.whenComplete((path, failure) -> {
                if (failure != null) {
                    mainThread.execute(() -> stopping = false);
                }
            });
        }
        return result;
    }

    private java.util.concurrent.CompletableFuture<String> triggerSavepoint(String targetDirectory,
            CheckpointType type) {
        java.util.concurrent.CompletableFuture<String> result = new java.util.concurrent.CompletableFuture<>();
        String directory = targetDirectory != null ? targetDirectory : savepointDirectory;
        if (directory == null) {
            result.completeExceptionally(new CheckpointException("No savepoint directory: give one (bin/flink"
                    + " savepoint <jobId> <targetDirectory>) or set execution.checkpointing.savepoint-dir"
                    + " (state.savepoints.dir)."));
            return result;
        }
        if (graph.getState() != JobStatus.RUNNING) {
            result.completeExceptionally(new CheckpointException("Job " + graph.getJobId() + " is "
                    + graph.getState() + "; only a running job can take a savepoint."));
            return result;
        }
        try {
            PendingCheckpoint checkpoint = startCheckpoint(directory, type);
            checkpoint.savepointResult = result;
        } catch (CheckpointException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Starts a checkpoint (a savepoint into {@code savepointTarget} when not null) if every task runs. */
    private PendingCheckpoint startCheckpoint(String savepointTarget, CheckpointType type) throws CheckpointException {
        List<Execution> sources = new ArrayList<>();
        Set<ExecutionAttemptID> toAcknowledge = new HashSet<>();
        List<ExecutionVertex> finished = new ArrayList<>();
        for (ExecutionJobVertex jobVertex : graph.getVerticesTopologically()) {
            for (ExecutionVertex vertex : jobVertex.getTaskVertices()) {
                Execution execution = vertex.getCurrentExecution();
                if (execution.getState() == ExecutionState.FINISHED) {
                    finished.add(vertex); // in the checkpoint as finished: restored, it ends at once
                    continue;
                }
                if (execution.getState() != ExecutionState.RUNNING) {
                    throw new CheckpointException(vertex.getTaskNameWithSubtaskIndex() + " is "
                            + execution.getState() + "; checkpoints and savepoints need every task running.",
                            CheckpointException.Reason.TASK_NOT_READY);
                }
                toAcknowledge.add(execution.getAttemptId());
                if (allProducersFinished(jobVertex, vertex.getSubtaskIndex())) {
                    sources.add(execution); // no barrier will reach it: it is triggered like a source
                }
            }
        }
        if (toAcknowledge.isEmpty()) {
            throw new CheckpointException("every task of job " + graph.getJobId() + " has finished",
                    CheckpointException.Reason.TASK_NOT_READY);
        }
        long id = nextCheckpointId++;
        long timestamp = System.currentTimeMillis();
        PendingCheckpoint checkpoint = new PendingCheckpoint(id, timestamp, toAcknowledge);
        for (ExecutionVertex vertex : finished) {
            TaskStateSnapshot finishedTask = new TaskStateSnapshot();
            for (String operatorId : OperatorIds.of(vertex.getJobVertex().getJobVertex())) {
                finishedTask.putSubtaskStateByOperatorID(operatorId, OperatorSubtaskState.finishedState());
            }
            checkpoint.states.computeIfAbsent(vertex.getJobVertex().getJobVertexId(), v -> new HashMap<>())
                    .put(vertex.getSubtaskIndex(), finishedTask);
        }
        checkpoint.savepointTarget = savepointTarget;
        checkpoint.type = type;
        pending.put(id, checkpoint);
        stats.triggered(id, timestamp, toAcknowledge.size());
        checkpoint.timeout = mainThread.schedule(() -> {
            if (pending.get(id) == checkpoint) {
                abort(checkpoint, new java.util.concurrent.TimeoutException("checkpoint " + id + " of job "
                        + graph.getJobId() + " did not complete within execution.checkpointing.timeout ("
                        + timeout + " ms); " + checkpoint.notYetAcknowledged.size() + " task(s) did not answer"),
                        true);
            }
        }, timeout, TimeUnit.MILLISECONDS);
        LOG.info("Triggering {} {} @ {} for job {}.", type == CheckpointType.CHECKPOINT ? "checkpoint"
                : type == CheckpointType.SAVEPOINT ? "savepoint" : "the savepoint of a stop (" + type + ")", id,
                timestamp, graph.getJobId());
        // the coordinators first: what they sent to a source subtask before their snapshot reaches it before the
        // trigger, so it is in the subtask's snapshot and not in theirs
        coordinatorCheckpoints.checkpointCoordinators(id).whenComplete((states, failure) -> mainThread.execute(() -> {
            if (pending.get(id) != checkpoint) {
                return;
            }
            if (failure != null) {
                abort(checkpoint, failure, true);
                return;
            }
            Map<String, byte[]> byOperator = new HashMap<>();
            states.forEach((vertex, state) -> byOperator.put(
                    OperatorIds.headOf(graph.getJobVertex(vertex).getJobVertex()), state));
            checkpoint.coordinatorStates = byOperator;
            triggerSources(checkpoint, sources);
        }));
        return checkpoint;
    }

    /**
     * Whether every subtask {@code subtask} of {@code jobVertex} reads from has finished (true for a source): then no
     * barrier reaches it, and the checkpoint is triggered at it directly.
     */
    private boolean allProducersFinished(ExecutionJobVertex jobVertex, int subtask) {
        for (io.freshet.runtime.jobgraph.JobEdge edge : jobVertex.getJobVertex().getInputs()) {
            ExecutionJobVertex producer = graph.getJobVertex(edge.getSource().getProducer().getID());
            int producers = producer.getParallelism();
            int first = 0;
            int end = producers;
            if (edge.getDistributionPattern() == io.freshet.runtime.jobgraph.DistributionPattern.POINTWISE) {
                first = io.freshet.runtime.executiongraph.PointwiseMapping.firstProducer(producers,
                        jobVertex.getParallelism(), subtask);
                end = io.freshet.runtime.executiongraph.PointwiseMapping.endProducer(producers,
                        jobVertex.getParallelism(), subtask);
            }
            for (int i = first; i < end; i++) {
                if (producer.getTaskVertex(i).getCurrentExecution().getState() != ExecutionState.FINISHED) {
                    return false;
                }
            }
        }
        return true;
    }

    private void triggerSources(PendingCheckpoint checkpoint, List<Execution> sources) {
        long id = checkpoint.id;
        long timestamp = checkpoint.timestamp;
        for (Execution source : sources) {
            LogicalSlot slot = source.getAssignedSlot();
            slot.getTaskManagerGateway().triggerCheckpoint(source.getAttemptId(), id, timestamp,
                    checkpoint.type, rpcTimeout)
                    .whenComplete((ack, failure) -> {
                        if (failure != null) {
                            mainThread.execute(() -> {
                                if (pending.get(id) == checkpoint) {
                                    // the source just ended or restarts: not a failure of the checkpoint itself
                                    abort(checkpoint, new IllegalStateException("could not trigger checkpoint " + id
                                            + " at " + source.getAttemptId() + ": " + failure.getMessage(), failure),
                                            false);
                                }
                            });
                        }
                    });
        }
    }

    /** A task's state for a checkpoint; completes the checkpoint when it was the last one missing. */
    public void receiveAcknowledgeMessage(ExecutionAttemptID attemptId, long checkpointId, TaskStateSnapshot state) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || !checkpoint.notYetAcknowledged.remove(attemptId)) {
            LOG.debug("Ignoring an acknowledgement of checkpoint {} by {}: not pending, or answered already.",
                    checkpointId, attemptId);
            return;
        }
        ExecutionVertex vertex = graph.findCurrentAttempt(attemptId);
        if (vertex == null) {
            abort(checkpoint, new IllegalStateException("checkpoint " + checkpointId + " was acknowledged by "
                    + attemptId + ", which no longer runs"), false);
            return;
        }
        stats.acknowledged(checkpointId, state == null ? 0 : state.getStateSize());
        if (state != null && !state.getSubtaskStateMappings().isEmpty()) {
            checkpoint.states.computeIfAbsent(vertex.getJobVertex().getJobVertexId(), v -> new HashMap<>())
                    .put(vertex.getSubtaskIndex(), state);
        }
        if (checkpoint.notYetAcknowledged.isEmpty()) {
            completePendingCheckpoint(checkpoint);
        }
    }

    /** A task could not take part: the checkpoint is aborted. */
    public void receiveDeclineMessage(ExecutionAttemptID attemptId, long checkpointId, Throwable cause) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null) {
            abort(checkpoint, new IllegalStateException("checkpoint " + checkpointId + " was declined by "
                    + attemptId + ": " + (cause == null ? "no reason given" : cause.getMessage()), cause),
                    CheckpointException.isCounted(cause));
        }
    }

    private void completePendingCheckpoint(PendingCheckpoint checkpoint) {
        pending.remove(checkpoint.id);
        checkpoint.timeout.cancel(false);
        Map<JobVertexID, Integer> parallelisms = new HashMap<>();
        for (ExecutionJobVertex jobVertex : graph.getVerticesTopologically()) {
            parallelisms.put(jobVertex.getJobVertexId(), jobVertex.getParallelism());
        }
        CompletedCheckpoint done = new CompletedCheckpoint(checkpoint.id, checkpoint.timestamp,
                System.currentTimeMillis(), checkpoint.states, parallelisms, checkpoint.coordinatorStates);
        if (checkpoint.savepointTarget != null) {
            stats.savepointDone(checkpoint.id);
            CompletedCheckpoint savepoint = done.asSavepoint();
            ioExecutor.execute(() -> {
                try {
                    String pointer = CheckpointMetadataStorage.writeSavepoint(checkpoint.savepointTarget,
                            graph.getJobId(), savepoint);
                    mainThread.execute(() -> {
                        LOG.info("Savepoint {} of job {} stored in {}.", checkpoint.id, graph.getJobId(), pointer);
                        confirmToTasks(checkpoint.id);
                        checkpoint.savepointResult.complete(pointer);
                    });
                } catch (Exception e) {
                    mainThread.execute(() -> {
                        abortInTasks(checkpoint.id); // a stop's sources wait for the outcome: they go on
                        checkpoint.savepointResult.completeExceptionally(new CheckpointException(
                                "could not write savepoint " + checkpoint.id + " to " + checkpoint.savepointTarget
                                        + ": " + e.getMessage() + ". Check that the directory exists or can be"
                                        + " created and that the JobManager may write there.", e));
                    });
                }
            });
            return;
        }
        if (storage.isExternal()) {
            // the metadata (and with it the state) goes to the checkpoint directory before the checkpoint counts
            beingWritten++;
            ioExecutor.execute(() -> {
                try {
                    done.setExternalPointer(storage.write(done));
                    if (shutdown && !keepAfterEnd) {
                        storage.discard(done); // the job ended meanwhile and keeps no checkpoint
                        return;
                    }
                    mainThread.execute(() -> {
                        beingWritten--;
                        checkpointStored(done);
                    });
                } catch (Exception e) {
                    mainThread.execute(() -> {
                        beingWritten--;
                        checkpointFailed(checkpoint.id, new java.io.IOException("could not write checkpoint "
                                + checkpoint.id + " " + storage + ": " + e.getMessage() + ". Check that"
                                + " execution.checkpointing.dir exists or can be created and that the JobManager may"
                                + " write there.", e));
                    });
                }
            });
        } else {
            checkpointStored(done);
        }
    }

    private void checkpointStored(CompletedCheckpoint done) {
        if (shutdown && !keepAfterEnd) {
            // the job ended while it was written, and its checkpoints are not kept
            discardLater(done);
            return;
        }
        completed.addLast(done);
        while (completed.size() > retained) {
            CompletedCheckpoint subsumed = completed.removeFirst();
            discardLater(subsumed);
        }
        lastCompletion = done.getCompletionTimestamp();
        consecutiveFailures = 0;
        numCompleted++;
        stats.completed(done);
        LOG.info("Completed checkpoint {} for job {} ({} bytes, {} ms).", done.getCheckpointID(), graph.getJobId(),
                done.getStateSize(), done.getDuration());
        if (shutdown) {
            return;
        }
        confirmToTasks(done.getCheckpointID());
    }

    private void confirmToTasks(long checkpointId) {
        coordinatorCheckpoints.notifyCheckpointComplete(checkpointId);
        for (ExecutionVertex vertex : graph.getAllExecutionVertices()) {
            Execution execution = vertex.getCurrentExecution();
            if (execution.getState() == ExecutionState.RUNNING && execution.getAssignedSlot() != null) {
                execution.getAssignedSlot().getTaskManagerGateway().confirmCheckpoint(execution.getAttemptId(),
                        checkpointId, rpcTimeout);
            }
        }
    }

    private void checkpointFailed(long checkpointId, Throwable cause) {
        stats.failed(checkpointId, String.valueOf(cause.getMessage()));
        numFailed++;
        consecutiveFailures++;
        LOG.warn("Checkpoint {} of job {} failed: {}", checkpointId, graph.getJobId(), cause.getMessage());
        if (consecutiveFailures > tolerableFailures && !shutdown) {
            consecutiveFailures = 0;
            failover.accept(new CheckpointException("Exceeded checkpoint tolerable failure threshold ("
                    + tolerableFailures + ", execution.checkpointing.tolerable-failed-checkpoints); the last"
                    + " failure: " + cause.getMessage(), cause));
        }
    }

    private void abort(PendingCheckpoint checkpoint, Throwable cause, boolean countsAsFailure) {
        if (pending.remove(checkpoint.id) == null) {
            return;
        }
        if (checkpoint.timeout != null) {
            checkpoint.timeout.cancel(false);
        }
        if (checkpoint.savepointResult != null) {
            stats.savepointDone(checkpoint.id);
            checkpoint.savepointResult.completeExceptionally(new CheckpointException("Savepoint " + checkpoint.id
                    + " of job " + graph.getJobId() + " failed: " + cause.getMessage(), cause));
            countsAsFailure = false; // a failed savepoint is the caller's to handle, not a checkpoint failure
        }
        abortInTasks(checkpoint.id);
        if (checkpoint.savepointTarget == null) {
            long id = checkpoint.id;
            try {
                ioExecutor.execute(() -> storage.discardAborted(id)); // state files tasks wrote already
            } catch (java.util.concurrent.RejectedExecutionException e) {
                storage.discardAborted(id);
            }
        }
        if (countsAsFailure) {
            checkpointFailed(checkpoint.id, cause);
        } else {
            stats.failed(checkpoint.id, String.valueOf(cause.getMessage()));
            LOG.info("Checkpoint {} of job {} aborted: {}", checkpoint.id, graph.getJobId(), cause.getMessage());
        }
    }

    private void abortInTasks(long checkpointId) {
        for (ExecutionVertex vertex : graph.getAllExecutionVertices()) {
            Execution execution = vertex.getCurrentExecution();
            if (execution.getState() == ExecutionState.RUNNING && execution.getAssignedSlot() != null) {
                execution.getAssignedSlot().getTaskManagerGateway().abortCheckpoint(execution.getAttemptId(),
                        checkpointId, rpcTimeout);
            }
        }
    }

    // ---- restore ----

    /**
     * Subtasks start over (a failover): checkpoints in progress are aborted (their tasks are gone), and each of
     * {@code vertices} gets the state of the latest completed checkpoint for its next deployment.
     */
    /**
     * A task failed: if it could not restore the checkpoint it was given because a state file of it is damaged, that
     * checkpoint is given up (left on disk for inspection) and the next restore takes the one before it. The last
     * checkpoint left is kept: failing on it, the job says why, rather than losing its state.
     */
    public void onTaskFailure(Throwable cause) {
        Throwable corrupted = null;
        for (Throwable t = cause; t != null && corrupted == null; t = t.getCause()) {
            // reported by a task, the cause arrives as a SerializedThrowable naming the original class
            String name = t instanceof io.freshet.util.SerializedThrowable
                    ? ((io.freshet.util.SerializedThrowable) t).getOriginalClassName() : t.getClass().getName();
            if (io.freshet.runtime.state.CorruptedStateException.class.getName().equals(name)) {
                corrupted = t;
            }
        }
        CompletedCheckpoint latest = completed.peekLast();
        if (corrupted == null || latest == null || latest != lastRestored) {
            return;
        }
        if (completed.size() < 2) {
            LOG.error("Checkpoint {} of job {} is damaged and no older checkpoint is retained: {}",
                    latest.getCheckpointID(), graph.getJobId(), corrupted.getMessage());
            return;
        }
        completed.pollLast();
        if (latest == startedFrom) {
            startedFrom = null;
        }
        LOG.warn("Checkpoint {} of job {} is damaged ({}); it is left at {} and the job restores checkpoint {}"
                + " instead.", latest.getCheckpointID(), graph.getJobId(), corrupted.getMessage(),
                latest.getExternalPointer(), completed.peekLast().getCheckpointID());
    }

    public void restoreLatestCheckpointedState(Collection<ExecutionVertex> vertices) {
        for (PendingCheckpoint checkpoint : new ArrayList<>(pending.values())) {
            abort(checkpoint, new IllegalStateException("subtasks of the job restart"), false);
        }
        CompletedCheckpoint latest = completed.peekLast();
        if (latest == null) {
            return;
        }
        LOG.info("Restoring {} subtask(s) of job {} from checkpoint {}.", vertices.size(), graph.getJobId(),
                latest.getCheckpointID());
        lastRestored = latest;
        stats.restored(latest.getCheckpointID(), latest.getExternalPointer());
        Map<JobVertexID, Integer> restarting = new HashMap<>();
        for (ExecutionVertex vertex : vertices) {
            vertex.setTaskRestore(taskRestoreOf(latest, vertex));
            restarting.merge(vertex.getJobVertex().getJobVertexId(), 1, Integer::sum);
        }
        // a coordinator all of whose subtasks start over goes back to the checkpoint with them
        for (Map.Entry<JobVertexID, Integer> entry : restarting.entrySet()) {
            JobVertexID vertex = entry.getKey();
            if (coordinatorCheckpoints.hasCoordinator(vertex)
                    && entry.getValue() == graph.getJobVertex(vertex).getParallelism()) {
                try {
                    coordinatorCheckpoints.resetToCheckpoint(vertex, latest.getCheckpointID(),
                            latest.getCoordinatorState(OperatorIds.headOf(graph.getJobVertex(vertex).getJobVertex())));
                } catch (Exception e) {
                    failover.accept(new CheckpointException("could not restore the coordinator of "
                            + graph.getJobVertex(vertex).getName() + " from checkpoint " + latest.getCheckpointID()
                            + ": " + e.getMessage(), e));
                }
            }
        }
    }

    /**
     * What subtask {@code vertex} restores from {@code checkpoint}: per operator of its chain (by operator id), the
     * keyed snapshots whose key groups overlap its own, and its own operator state (at another parallelism: every old
     * subtask's, in subtask order, for the operator to redistribute).
     */
    static JobManagerTaskRestore taskRestoreOf(CompletedCheckpoint checkpoint, ExecutionVertex vertex) {
        return taskRestoreOf(checkpoint.getCheckpointID(), checkpoint.getOperatorStates(), vertex);
    }

    private static JobManagerTaskRestore taskRestoreOf(long checkpointId,
            Map<String, CompletedCheckpoint.OperatorState> operatorStates, ExecutionVertex vertex) {
        int parallelism = vertex.getJobVertex().getParallelism();
        int subtask = vertex.getSubtaskIndex();
        KeyGroupRange range = KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                vertex.getJobVertex().getJobVertex().getEffectiveMaxParallelism(), parallelism, subtask);
        Map<String, List<KeyGroupsStateHandle>> keyed = new HashMap<>();
        Map<String, List<byte[]>> operator = new HashMap<>();
        InFlightData inFlight = null;
        String head = OperatorIds.headOf(vertex.getJobVertex().getJobVertex());
        boolean finishedOnRestore = finishedOnRestore(operatorStates.get(head), parallelism, subtask);
        for (String operatorId : OperatorIds.of(vertex.getJobVertex().getJobVertex())) {
            CompletedCheckpoint.OperatorState state = operatorStates.get(operatorId);
            if (state == null) {
                continue;
            }
            boolean sameParallelism = state.parallelism == parallelism;
            List<Integer> order = new ArrayList<>(state.subtaskStates.keySet());
            java.util.Collections.sort(order);
            for (int index : order) {
                OperatorSubtaskState subtaskState = state.subtaskStates.get(index);
                KeyGroupsStateHandle handle = subtaskState.getKeyedState();
                if (handle != null && handle.getKeyGroupRange().getIntersection(range).getNumberOfKeyGroups() > 0) {
                    keyed.computeIfAbsent(operatorId, k -> new ArrayList<>()).add(handle);
                }
                if (subtaskState.getOperatorState() != null && (!sameParallelism || index == subtask)) {
                    operator.computeIfAbsent(operatorId, k -> new ArrayList<>()).add(subtaskState.getOperatorState());
                }
                if (operatorId.equals(head) && sameParallelism && index == subtask) {
                    inFlight = subtaskState.getInFlightData();
                }
            }
        }
        return new JobManagerTaskRestore(checkpointId, keyed, operator, inFlight, finishedOnRestore);
    }

    /**
     * Whether subtask {@code subtask} (of {@code parallelism}) of the operator whose state is {@code state} ends at
     * once when restored: it had finished, or (at another parallelism) every old subtask had.
     */
    private static boolean finishedOnRestore(CompletedCheckpoint.OperatorState state, int parallelism, int subtask) {
        if (state == null) {
            return false;
        }
        if (state.parallelism == parallelism) {
            OperatorSubtaskState own = state.subtaskStates.get(subtask);
            return own != null && own.isFinished();
        }
        return finishedSubtasks(state) == state.parallelism;
    }

    private static int finishedSubtasks(CompletedCheckpoint.OperatorState state) {
        int finished = 0;
        for (OperatorSubtaskState subtaskState : state.subtaskStates.values()) {
            if (subtaskState.isFinished()) {
                finished++;
            }
        }
        return finished;
    }

    /**
     * The job starts from a savepoint (or retained checkpoint): every subtask restores it, and so do failovers until
     * a newer checkpoint completes. State of operators the job does not have is refused unless
     * {@code allowNonRestoredState}.
     *
     * @throws CheckpointException naming the operators whose state nothing claims
     */
    public void restoreSavepoint(CompletedCheckpoint savepoint, boolean allowNonRestoredState)
            throws CheckpointException {
        java.util.Set<String> claimed = new java.util.HashSet<>();
        for (ExecutionJobVertex jobVertex : graph.getVerticesTopologically()) {
            claimed.addAll(OperatorIds.of(jobVertex.getJobVertex()));
        }
        java.util.Set<String> unclaimed = new java.util.TreeSet<>(savepoint.getOperatorStates().keySet());
        unclaimed.addAll(savepoint.getCoordinatorOperatorIds());
        unclaimed.removeAll(claimed);
        if (!unclaimed.isEmpty() && !allowNonRestoredState) {
            throw new CheckpointException("The savepoint " + savepoint.getExternalPointer() + " holds state of"
                    + " operators this job does not have: " + unclaimed + ". Give those operators the uids they had,"
                    + " or start with --allowNonRestoredState (-n) to drop that state.");
        }
        if (!unclaimed.isEmpty()) {
            LOG.warn("Job {} drops the state of operators it does not have: {}.", graph.getJobId(), unclaimed);
        }
        checkInFlightDataFits(savepoint);
        checkFinishedOperatorsFit(savepoint);
        startedFrom = savepoint;
        completed.addLast(savepoint);
        nextCheckpointId = Math.max(nextCheckpointId, savepoint.getCheckpointID() + 1);
        List<ExecutionVertex> all = new ArrayList<>();
        graph.getAllExecutionVertices().forEach(all::add);
        LOG.info("Job {} starts from {} (checkpoint {}).", graph.getJobId(), savepoint.getExternalPointer(),
                savepoint.getCheckpointID());
        restoreLatestCheckpointedState(all);
    }

    /**
     * An operator some of whose subtasks had finished (not all) restores only at the parallelism it had: which new
     * subtask would have finished is not defined.
     */
    private void checkFinishedOperatorsFit(CompletedCheckpoint checkpoint) throws CheckpointException {
        Map<String, CompletedCheckpoint.OperatorState> states = checkpoint.getOperatorStates();
        for (ExecutionJobVertex jobVertex : graph.getVerticesTopologically()) {
            CompletedCheckpoint.OperatorState state = states.get(OperatorIds.headOf(jobVertex.getJobVertex()));
            if (state == null || state.parallelism == jobVertex.getParallelism()) {
                continue;
            }
            int finished = finishedSubtasks(state);
            if (finished > 0 && finished < state.parallelism) {
                throw new CheckpointException("In " + checkpoint.getExternalPointer() + ", " + finished + " of the "
                        + state.parallelism + " subtasks of " + jobVertex.getName() + " had finished (their input"
                        + " ended); such a checkpoint restores only at the parallelism it was taken at, not at "
                        + jobVertex.getParallelism() + ".");
            }
        }
    }

    /**
     * In-flight data of an unaligned checkpoint is kept by channel, and channels depend on the parallelism of every
     * task: such a checkpoint restores only at the parallelism it was taken at.
     */
    private void checkInFlightDataFits(CompletedCheckpoint checkpoint) throws CheckpointException {
        java.util.Set<String> withInFlightData = new java.util.TreeSet<>();
        checkpoint.getOperatorStates().forEach((operatorId, state) -> state.subtaskStates.values().forEach(subtask -> {
            if (subtask.getInFlightData() != null) {
                withInFlightData.add(operatorId);
            }
        }));
        if (withInFlightData.isEmpty()) {
            return;
        }
        for (ExecutionJobVertex jobVertex : graph.getVerticesTopologically()) {
            int before = checkpoint.getParallelism(jobVertex.getJobVertexId());
            int now = jobVertex.getParallelism();
            if (before >= 0 && before != now) {
                throw new CheckpointException("Checkpoint " + checkpoint.getCheckpointID() + " ("
                        + checkpoint.getExternalPointer() + ") was taken unaligned and holds in-flight data of"
                        + " operators " + withInFlightData + ", which restores only at the parallelism it was taken"
                        + " at, but " + jobVertex.getName() + " now runs at parallelism " + now + " instead of "
                        + before + ". Restore it at the old parallelism, then take a savepoint (savepoints are always"
                        + " aligned) and rescale from that.");
            }
        }
    }

    // ---- for tests and the REST API ----

    public int getNumberOfCompletedCheckpoints() {
        return numCompleted;
    }

    public int getNumberOfFailedCheckpoints() {
        return numFailed;
    }

    public int getNumberOfPendingCheckpoints() {
        return pending.size();
    }

    /** The latest completed checkpoint, or null. */
    public CompletedCheckpoint getLatestCheckpoint() {
        return completed.peekLast();
    }

    public List<CompletedCheckpoint> getRetainedCheckpoints() {
        return new ArrayList<>(completed);
    }

    /** The checkpoints kept when the job ends: deleted unless the configuration retains them. */
    public void jobEnded(JobStatus status, boolean retainOnCancellation, boolean retainExternalized) {
        shutdown();
        keepAfterEnd = retainExternalized && (status != JobStatus.CANCELED || retainOnCancellation)
                && status != JobStatus.FINISHED;
        if (!keepAfterEnd) {
            for (CompletedCheckpoint checkpoint : completed) {
                discardLater(checkpoint);
            }
        }
    }

    /**
     * Deletes a checkpoint's files in the I/O thread (or here, when that thread no longer takes work). The savepoint
     * or retained checkpoint the job started from belongs to the user (or to the job that took it), not to this
     * job: it is never deleted, only no longer restored once newer checkpoints exist.
     */
    private void discardLater(CompletedCheckpoint checkpoint) {
        if (checkpoint == startedFrom) {
            return;
        }
        try {
            ioExecutor.execute(() -> storage.discard(checkpoint));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            storage.discard(checkpoint);
        }
    }

    private static final class PendingCheckpoint {
        final long id;
        final long timestamp;
        final Set<ExecutionAttemptID> notYetAcknowledged;
        final Map<JobVertexID, Map<Integer, TaskStateSnapshot>> states = new HashMap<>();
        Map<String, byte[]> coordinatorStates = Map.of();
        String savepointTarget;
        CheckpointType type = CheckpointType.CHECKPOINT;
        java.util.concurrent.CompletableFuture<String> savepointResult;
        ScheduledFuture<?> timeout;

        PendingCheckpoint(long id, long timestamp, Set<ExecutionAttemptID> toAcknowledge) {
            this.id = id;
            this.timestamp = timestamp;
            this.notYetAcknowledged = toAcknowledge;
        }
    }
}
