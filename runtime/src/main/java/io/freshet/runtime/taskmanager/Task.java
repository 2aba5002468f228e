package io.freshet.runtime.taskmanager;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import io.freshet.api.common.JobID;
import io.freshet.api.common.TaskInfo;
import io.freshet.api.common.TaskInfoImpl;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.execution.CancelTaskException;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.execution.librarycache.LibraryCacheManager.ClassLoaderLease;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.IOMetrics;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.jobgraph.tasks.TaskInvokable;
import io.freshet.runtime.memory.MemoryManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution attempt of a subtask on a TaskExecutor: runs the attempt's {@link TaskInvokable} in its own thread,
 * named {@code <task name> (<subtask>/<parallelism>)#<attempt>}, and reports every state change to its
 * {@link TaskManagerActions}.
 *
 * <h2>State machine</h2>
 * <pre>
 *   CREATED ──► DEPLOYING ──► INITIALIZING ──► RUNNING ──► FINISHED
 *      │            │               │              │
 *      │            └───────────────┴──────────────┴──► CANCELING ──► CANCELED
 *      └──► CANCELED                            every non-terminal state ──► FAILED
 * </pre>
 * Every transition is checked against {@link ExecutionState#isValidTransition}; the task's CREATED stands for the
 * JobMaster's SCHEDULED (a task exists only once its attempt has a slot), so CREATED → DEPLOYING is checked as
 * SCHEDULED → DEPLOYING. Transitions happen under one lock and are reported in the order they happen; the terminal
 * state is reported exactly once, after the task released its resources (writers and gates closed, managed memory
 * and the class loader lease given back) — except when the cancellation watchdog fires, see below.
 *
 * <h2>What the task thread does</h2>
 * DEPLOYING: resolve the job's user-code class loader, load the invokable class by name through it, instantiate it
 * with an {@link Environment}. INITIALIZING: {@link TaskInvokable#restore()}. RUNNING: {@link TaskInvokable#invoke()}.
 * Then {@link TaskInvokable#cleanUp}, and the writers are finished (success) or failed. An exception ends the task
 * as FAILED with that exception, unless the task was being cancelled or the exception is (or is caused by) a
 * {@link CancelTaskException} (CANCELED). The latter is how a task ends that cannot go on because another task
 * failed, such as a consumer whose producer failed: the other task reports the failure, the JobMaster restarts
 * both, and this task's reaction neither replaces the failure as the job's root cause nor counts as a second one.
 *
 * <h2>Cancellation</h2>
 * {@link #cancelExecution()} (to CANCELED) and {@link #failExternally} (to FAILED) start a canceler thread that calls
 * {@link TaskInvokable#cancel()} and then {@link TaskInvokable#maybeInterruptOnCancel} right away and every
 * {@code task.cancellation.interval} while the task thread lives, and a watchdog: if the task thread still lives
 * {@code task.cancellation.timeout} after cancellation began, the task is reported FAILED and
 * {@link TaskManagerActions#notifyFatalError} is called, whose production handler terminates the process (a thread
 * that ignores cancellation may hold resources forever; only a fresh process is clean).
 */
public class Task implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Task.class);

    private final TaskDeploymentDescriptor deployment;
    private final TaskInfo taskInfo;
    private final String taskNameWithSubtask;
    private final List<ResultPartitionWriter> writers;
    private final List<InputGate> inputGates;
    private final MemoryManager memoryManager;
    private final ClassLoaderLease classLoaderLease;
    private final TaskManagerActions taskManagerActions;
    private final File[] tempDirectories;
    private final long cancellationIntervalMillis;
    private final long cancellationTimeoutMillis;
    private final Thread executingThread;
    private final CompletableFuture<ExecutionState> terminationFuture = new CompletableFuture<>();

    private final Object stateLock = new Object();
    /** Written under {@link #stateLock}; volatile for lock-free reads. */
    private volatile ExecutionState executionState = ExecutionState.CREATED;
    /** The failure of a FAILED task; guarded by {@link #stateLock}. */
    private Throwable failureCause;
    /** Guarded by {@link #stateLock}. */
    private boolean cancellationStarted;
    /** Guarded by {@link #stateLock}. */
    private boolean finalStateNotified;

    private volatile TaskInvokable invokable;
    /** System.nanoTime() when the task switched to RUNNING, and when it reached a terminal state; 0 until then. */
    private volatile long runningSinceNanos;
    private volatile long endedNanos;

    /**
     * @param writers the writers of the partitions the task produces, in deployment order; the task closes them
     * @param inputGates the gates of the task's inputs, in deployment order; the task closes them
     * @param classLoaderLease the job's class loader lease; the task releases it when it ends
     * @param cancellationInterval time between interrupts of a cancelled task ({@code task.cancellation.interval})
     * @param cancellationTimeout time after which a cancelled task that has not stopped is a fatal error
     *     ({@code task.cancellation.timeout}); zero waits forever
     */
    public Task(TaskDeploymentDescriptor deployment, List<ResultPartitionWriter> writers, List<InputGate> inputGates,
            MemoryManager memoryManager, ClassLoaderLease classLoaderLease, TaskManagerActions taskManagerActions,
            File[] tempDirectories, Duration cancellationInterval, Duration cancellationTimeout) {
        this.deployment = Objects.requireNonNull(deployment, "deployment");
        this.taskInfo = new TaskInfoImpl(deployment.getTaskName(), deployment.getMaxParallelism(),
                deployment.getSubtaskIndex(), deployment.getParallelism(), deployment.getAttemptNumber(),
                deployment.getAllocationId().toString());
        this.taskNameWithSubtask = taskInfo.getTaskNameWithSubtasks();
        this.writers = List.copyOf(writers);
        this.inputGates = List.copyOf(inputGates);
        this.memoryManager = Objects.requireNonNull(memoryManager, "memoryManager");
        this.classLoaderLease = Objects.requireNonNull(classLoaderLease, "classLoaderLease");
        this.taskManagerActions = Objects.requireNonNull(taskManagerActions, "taskManagerActions");
        this.tempDirectories = tempDirectories.clone();
        if (cancellationInterval.isNegative() || cancellationInterval.isZero()) {
            throw new IllegalArgumentException("'" + TaskManagerOptions.TASK_CANCELLATION_INTERVAL.key()
                    + "' must be positive, but is " + cancellationInterval + ".");
        }
        if (cancellationTimeout.isNegative()) {
            throw new IllegalArgumentException("'" + TaskManagerOptions.TASK_CANCELLATION_TIMEOUT.key()
                    + "' must not be negative, but is " + cancellationTimeout + ".");
        }
        this.cancellationIntervalMillis = cancellationInterval.toMillis();
        this.cancellationTimeoutMillis = cancellationTimeout.toMillis();
        this.executingThread = new Thread(this, taskNameWithSubtask);
    }

    // ---- identity and state ----

    public JobID getJobID() {
        return deployment.getJobId();
    }

    public ExecutionAttemptID getExecutionId() {
        return deployment.getExecutionAttemptId();
    }

    public AllocationID getAllocationId() {
        return deployment.getAllocationId();
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    /** {@code <task name> (<subtask>/<parallelism>)#<attempt>}, also the name of the task thread. */
    public String getTaskNameWithSubtask() {
        return taskNameWithSubtask;
    }

    public ExecutionState getExecutionState() {
        return executionState;
    }

    /** The failure of a FAILED task, or null. */
    public Throwable getFailureCause() {
        synchronized (stateLock) {
            return failureCause;
        }
    }

    public boolean isCanceledOrFailed() {
        ExecutionState state = executionState;
        return state == ExecutionState.CANCELING || state == ExecutionState.CANCELED
                || state == ExecutionState.FAILED;
    }

    /** Completes with the final state when the task thread has ended (after all resources are released). */
    public CompletableFuture<ExecutionState> getTerminationFuture() {
        return terminationFuture;
    }

    Thread getExecutingThread() {
        return executingThread;
    }

    // ---- the task thread ----

    /** Starts the task thread. Called once, by the TaskExecutor. */
    public void startTaskThread() {
        executingThread.start();
    }

    /** The task thread's body; not to be called by anyone else. */
    @Override
    public void run() {
        try {
            doRun();
        } finally {
            terminationFuture.complete(executionState);
        }
    }

    private void doRun() {
        if (!transitionState(ExecutionState.CREATED, ExecutionState.DEPLOYING)) {
            // Cancelled or failed before the thread got going; nothing was acquired but what we were given.
            releaseResources(null, failureOrCancellation());
            notifyFinalState();
            return;
        }
        TaskInvokable created = null;
        Throwable error = null;
        try {
            ClassLoader userCodeClassLoader = classLoaderLease.getOrResolveClassLoader(deployment.getUserJarUrls());
            executingThread.setContextClassLoader(userCodeClassLoader);
            Class<? extends TaskInvokable> invokableClass = loadInvokableClass(userCodeClassLoader);
            Environment environment = new RuntimeEnvironment(deployment.getJobId(), deployment.getExecutionAttemptId(),
                    taskInfo, deployment.getJobConfiguration(), deployment.getTaskConfiguration(),
                    deployment.getUserPayloads(), userCodeClassLoader, memoryManager, writers, inputGates,
                    tempDirectories).withOperatorEventGateway((operatorId, event) ->
                            taskManagerActions.sendOperatorEventToCoordinator(deployment.getExecutionAttemptId(),
                                    operatorId, event))
                    .withCheckpointing(deployment.getTaskRestore(), new io.freshet.runtime.checkpoint.CheckpointResponder() {
                        @Override
                        public void acknowledgeCheckpoint(long checkpointId,
                                io.freshet.runtime.checkpoint.TaskStateSnapshot state) {
                            taskManagerActions.acknowledgeCheckpoint(deployment.getExecutionAttemptId(), checkpointId,
                                    state);
                        }

                        @Override
                        public void declineCheckpoint(long checkpointId, Throwable cause) {
                            taskManagerActions.declineCheckpoint(deployment.getExecutionAttemptId(), checkpointId,
                                    cause);
                        }
                    });
            created = instantiate(invokableClass, environment);
            invokable = created;

            if (!transitionState(ExecutionState.DEPLOYING, ExecutionState.INITIALIZING)) {
                throw new CancelTaskException();
            }
            restoreAndInvoke(created);

            // The invokable returned; it may have done so because it was cancelled.
            if (isCanceledOrFailed()) {
                throw new CancelTaskException();
            }
            for (ResultPartitionWriter writer : writers) {
                writer.finish();
            }
            if (!transitionState(ExecutionState.RUNNING, ExecutionState.FINISHED)) {
                throw new CancelTaskException();
            }
        } catch (Throwable t) {
            error = t;
            handleTaskError(t);
        } finally {
            releaseResources(created, error == null ? null : failureOrCancellation());
            executingThread.setContextClassLoader(null);
            notifyFinalState();
        }
    }

    private void restoreAndInvoke(TaskInvokable target) throws Exception {
        try {
            target.restore();
            if (!transitionState(ExecutionState.INITIALIZING, ExecutionState.RUNNING)) {
                throw new CancelTaskException();
            }
            target.invoke();
        } catch (Throwable t) {
            try {
                target.cleanUp(t);
            } catch (Throwable cleanUpError) {
                t.addSuppressed(cleanUpError);
            }
            throw t;
        }
        target.cleanUp(null);
    }

    @SuppressWarnings("unchecked")
    private Class<? extends TaskInvokable> loadInvokableClass(ClassLoader userCodeClassLoader)
            throws ClassNotFoundException {
        String className = deployment.getInvokableClassName();
        Class<?> loaded;
        try {
            loaded = Class.forName(className, true, userCodeClassLoader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new ClassNotFoundException("Cannot load the invokable class '" + className + "' of task '"
                    + taskNameWithSubtask + "' of job '" + deployment.getJobName() + "' (" + deployment.getJobId()
                    + "): it is neither in the job's jars " + deployment.getUserJarUrls() + " nor on the Freshet"
                    + " class path (user-code class loading is " + classLoaderLease.getResolveOrder()
                    + "). Check that the job's jar contains the class.", e);
        }
        if (!TaskInvokable.class.isAssignableFrom(loaded)) {
            throw new ClassCastException("The invokable class '" + className + "' of task '" + taskNameWithSubtask
                    + "' does not implement " + TaskInvokable.class.getName() + ".");
        }
        return (Class<? extends TaskInvokable>) loaded;
    }

    private TaskInvokable instantiate(Class<? extends TaskInvokable> invokableClass, Environment environment)
            throws Exception {
        Constructor<? extends TaskInvokable> constructor;
        try {
            constructor = invokableClass.getConstructor(Environment.class);
        } catch (NoSuchMethodException e) {
            throw new NoSuchMethodException("The invokable class '" + invokableClass.getName() + "' of task '"
                    + taskNameWithSubtask + "' has no public constructor taking an " + Environment.class.getName()
                    + ".");
        }
        try {
            return constructor.newInstance(environment);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof Exception ? (Exception) cause : e;
        }
    }

    /** Decides the terminal state after the task thread caught {@code t}. */
    private void handleTaskError(Throwable t) {
        synchronized (stateLock) {
            ExecutionState current = executionState;
            if (current.isTerminal()) {
                return; // failed externally or by the watchdog: that failure stands
            }
            if (current == ExecutionState.CANCELING || isCancellation(t)) {
                if (current != ExecutionState.CANCELING) {
                    setStateLocked(current, ExecutionState.CANCELING, null);
                }
                setStateLocked(ExecutionState.CANCELING, ExecutionState.CANCELED, null);
                return;
            }
            LOG.warn("{} ({}) failed.", taskNameWithSubtask, getExecutionId(), t);
            setStateLocked(current, ExecutionState.FAILED, t);
        }
    }

    /**
     * Whether {@code t} (or one of its causes, as an invokable may wrap it) says the task was asked to stop, or has
     * to stop because of another task's failure (a {@code ProducerFailedException}): no failure of its own.
     */
    private static boolean isCancellation(Throwable t) {
        // bounded: a cause chain may be cyclic
        Throwable current = t;
        for (int depth = 0; current != null && depth < 32; depth++, current = current.getCause()) {
            if (current instanceof CancelTaskException) {
                return true;
            }
        }
        return false;
    }

    private Throwable failureOrCancellation() {
        synchronized (stateLock) {
            return failureCause != null ? failureCause : new CancelTaskException("The task was cancelled.");
        }
    }

    /** Closes writers and gates, frees leftover managed memory and the class loader lease; never throws. */
    private void releaseResources(TaskInvokable created, Throwable failure) {
        for (ResultPartitionWriter writer : writers) {
            try {
                if (failure != null) {
                    writer.fail(failure);
                }
                writer.close();
            } catch (Throwable t) {
                LOG.warn("Could not close a result partition writer of {} ({}).", taskNameWithSubtask,
                        getExecutionId(), t);
            }
        }
        for (InputGate gate : inputGates) {
            try {
                gate.close();
            } catch (Throwable t) {
                LOG.warn("Could not close an input gate of {} ({}).", taskNameWithSubtask, getExecutionId(), t);
            }
        }
        if (created != null) {
            try {
                memoryManager.releaseAll(created);
            } catch (Throwable t) {
                LOG.warn("Could not release the managed memory of {} ({}).", taskNameWithSubtask, getExecutionId(), t);
            }
        }
        classLoaderLease.release();
    }

    // ---- state transitions ----

    /** Moves from {@code expected} to {@code target} (non-terminal, reported now); false if the state is not {@code expected}. */
    private boolean transitionState(ExecutionState expected, ExecutionState target) {
        synchronized (stateLock) {
            if (executionState != expected) {
                return false;
            }
            setStateLocked(expected, target, null);
            return true;
        }
    }

    /**
     * Sets the state; reports non-terminal states right away (under the lock, so reports keep transition order);
     * terminal states are reported by {@link #notifyFinalState()}.
     */
    private void setStateLocked(ExecutionState from, ExecutionState to, Throwable cause) {
        ExecutionState checkedFrom = from == ExecutionState.CREATED ? ExecutionState.SCHEDULED : from;
        if (!ExecutionState.isValidTransition(checkedFrom, to)) {
            throw new IllegalStateException("Invalid transition of " + taskNameWithSubtask + " from " + from + " to "
                    + to + ".");
        }
        executionState = to;
        if (to == ExecutionState.RUNNING) {
            runningSinceNanos = System.nanoTime();
        } else if (to.isTerminal()) {
            endedNanos = System.nanoTime();
        }
        if (to == ExecutionState.FAILED) {
            failureCause = cause;
            LOG.info("{} ({}) switched from {} to {} with failure cause: {}", taskNameWithSubtask, getExecutionId(),
                    from, to, String.valueOf(cause));
        } else {
            LOG.info("{} ({}) switched from {} to {}.", taskNameWithSubtask, getExecutionId(), from, to);
        }
        if (!to.isTerminal()) {
            taskManagerActions.updateTaskExecutionState(new TaskExecutionState(getExecutionId(), to));
        }
    }

    private void notifyFinalState() {
        TaskExecutionState finalState;
        synchronized (stateLock) {
            if (finalStateNotified) {
                return;
            }
            ExecutionState state = executionState;
            if (!state.isTerminal()) {
                throw new IllegalStateException(taskNameWithSubtask + " ended in the non-terminal state " + state);
            }
            finalStateNotified = true;
            finalState = new TaskExecutionState(getExecutionId(), state,
                    state == ExecutionState.FAILED ? failureCause : null, getIOMetrics());
        }
        if (runningSinceNanos != 0) {
            LOG.info("{} ({}) ran for {}.", taskNameWithSubtask, getExecutionId(), finalState.getIOMetrics());
        }
        taskManagerActions.updateTaskExecutionState(finalState);
    }

    /**
     * Where the task's running time went so far (or in all, once it ended): waiting for input, waiting for output
     * buffers, and the rest. Any thread.
     */
    public IOMetrics getIOMetrics() {
        long start = runningSinceNanos;
        if (start == 0) {
            return new IOMetrics(0, 0, 0);
        }
        long end = endedNanos;
        long running = (end == 0 ? System.nanoTime() : end) - start;
        long idle = 0;
        for (InputGate gate : inputGates) {
            idle += gate.getIdleTimeNanos();
        }
        long backPressured = 0;
        for (ResultPartitionWriter writer : writers) {
            backPressured += writer.getBackPressuredTimeNanos();
        }
        return new IOMetrics(running / 1_000_000, idle / 1_000_000, backPressured / 1_000_000);
    }

    // ---- cancellation ----

    /** Cancels the task: it ends as CANCELED (or in whatever terminal state it reaches first). Idempotent. */
    /**
     * Hands an event of an operator coordinator to the running invokable.
     *
     * @throws IllegalStateException when the task does not run (yet, or any more) or cannot take events
     */
    public void deliverOperatorEvent(io.freshet.runtime.jobgraph.JobVertexID operatorId, byte[] serializedEvent)
            throws Exception {
        TaskInvokable target = invokable;
        ExecutionState state = getExecutionState();
        if (target == null || (state != ExecutionState.RUNNING && state != ExecutionState.INITIALIZING)) {
            throw new IllegalStateException("Task " + taskNameWithSubtask + " is " + state + " and takes no operator"
                    + " events.");
        }
        if (!(target instanceof io.freshet.runtime.jobgraph.tasks.CoordinatedTask)) {
            throw new IllegalStateException("Task " + taskNameWithSubtask + " has no coordinated operators.");
        }
        ((io.freshet.runtime.jobgraph.tasks.CoordinatedTask) target).dispatchOperatorEvent(operatorId,
                serializedEvent);
    }

    /**
     * Starts checkpoint {@code checkpointId} at this (source) task. A task that does not run (any more) declines, so
     * that the checkpoint is aborted rather than left to time out.
     */
    public void triggerCheckpointBarrier(long checkpointId, long timestamp,
            io.freshet.runtime.checkpoint.CheckpointType type) {
        TaskInvokable target = invokable;
        if (target instanceof io.freshet.runtime.jobgraph.tasks.CheckpointableTask
                && getExecutionState() == ExecutionState.RUNNING) {
            ((io.freshet.runtime.jobgraph.tasks.CheckpointableTask) target).triggerCheckpoint(checkpointId, timestamp,
                    type);
        } else {
            taskManagerActions.declineCheckpoint(getExecutionId(), checkpointId,
                    new io.freshet.runtime.checkpoint.CheckpointException("Task " + taskNameWithSubtask + " is "
                            + getExecutionState() + " and cannot take checkpoint " + checkpointId + ".",
                            io.freshet.runtime.checkpoint.CheckpointException.Reason.TASK_NOT_READY));
        }
    }

    /** Checkpoint {@code checkpointId} completed: the task's operators may commit. Ignored when not running. */
    public void notifyCheckpointComplete(long checkpointId) {
        TaskInvokable target = invokable;
        if (target instanceof io.freshet.runtime.jobgraph.tasks.CheckpointableTask
                && getExecutionState() == ExecutionState.RUNNING) {
            ((io.freshet.runtime.jobgraph.tasks.CheckpointableTask) target).notifyCheckpointComplete(checkpointId);
        }
    }

    /** Checkpoint {@code checkpointId} was aborted. Ignored when not running. */
    public void notifyCheckpointAborted(long checkpointId) {
        TaskInvokable target = invokable;
        if (target instanceof io.freshet.runtime.jobgraph.tasks.CheckpointableTask
                && getExecutionState() == ExecutionState.RUNNING) {
            ((io.freshet.runtime.jobgraph.tasks.CheckpointableTask) target).notifyCheckpointAborted(checkpointId);
        }
    }

    public void cancelExecution() {
        LOG.info("Attempting to cancel task {} ({}).", taskNameWithSubtask, getExecutionId());
        cancelOrFailAndCancelInvokable(ExecutionState.CANCELING, null);
    }

    /** Fails the task with {@code cause} from outside (its slot is freed, its JobMaster is gone) and stops it. */
    public void failExternally(Throwable cause) {
        LOG.info("Attempting to fail task externally {} ({}).", taskNameWithSubtask, getExecutionId());
        cancelOrFailAndCancelInvokable(ExecutionState.FAILED, Objects.requireNonNull(cause, "cause"));
    }

    private void cancelOrFailAndCancelInvokable(ExecutionState target, Throwable cause) {
        synchronized (stateLock) {
            ExecutionState current = executionState;
            if (current.isTerminal()) {
                return;
            }
            if (current == ExecutionState.CREATED) {
                // The thread has not started its work; it will see the terminal state and only clean up.
                setStateLocked(current, target == ExecutionState.FAILED ? ExecutionState.FAILED
                        : ExecutionState.CANCELED, cause);
                return;
            }
            if (target == ExecutionState.FAILED) {
                setStateLocked(current, ExecutionState.FAILED, cause);
            } else if (current != ExecutionState.CANCELING) {
                setStateLocked(current, ExecutionState.CANCELING, null);
            }
            if (cancellationStarted) {
                return;
            }
            cancellationStarted = true;
        }
        startCancellationThreads();
    }

    private void startCancellationThreads() {
        Thread canceler = new Thread(this::cancelAndInterruptPeriodically,
                "Canceler/Interrupts for " + taskNameWithSubtask + " (" + getExecutionId() + ").");
        canceler.setDaemon(true);
        canceler.start();
        if (cancellationTimeoutMillis > 0) {
            Thread watchdog = new Thread(this::watchCancellation,
                    "Cancellation Watchdog for " + taskNameWithSubtask + " (" + getExecutionId() + ").");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    private void cancelAndInterruptPeriodically() {
        long start = System.nanoTime();
        TaskInvokable target = invokable;
        if (target != null) {
            try {
                target.cancel();
            } catch (Throwable t) {
                LOG.warn("Error while cancelling the invokable of {} ({}).", taskNameWithSubtask, getExecutionId(), t);
            }
        }
        try {
            while (executingThread.isAlive()) {
                target = invokable;
                if (target != null) {
                    long elapsedMillis = (System.nanoTime() - start) / 1_000_000L;
                    target.maybeInterruptOnCancel(executingThread, taskNameWithSubtask, elapsedMillis);
                } else {
                    executingThread.interrupt(); // still deploying: interrupt class loading or instantiation
                }
                executingThread.join(cancellationIntervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchCancellation() {
        try {
            executingThread.join(cancellationTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!executingThread.isAlive()) {
            return;
        }
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement element : executingThread.getStackTrace()) {
            stack.append("\n\tat ").append(element);
        }
        String message = "Task '" + taskNameWithSubtask + "' (" + getExecutionId() + ") did not stop within "
                + cancellationTimeoutMillis + " ms of its cancellation ('"
                + TaskManagerOptions.TASK_CANCELLATION_TIMEOUT.key() + "'). The task thread is stuck in:" + stack;
        TimeoutException timeout = new TimeoutException(message);
        LOG.error(message);
        TaskExecutionState failed = null;
        synchronized (stateLock) {
            if (!executionState.isTerminal()) {
                setStateLocked(executionState, ExecutionState.FAILED, timeout);
            }
            if (!finalStateNotified) {
                finalStateNotified = true;
                failed = new TaskExecutionState(getExecutionId(), executionState,
                        executionState == ExecutionState.FAILED ? failureCause : null);
            }
        }
        if (failed != null) {
            taskManagerActions.updateTaskExecutionState(failed);
        }
        taskManagerActions.notifyFatalError(message, timeout);
    }

    @Override
    public String toString() {
        return taskNameWithSubtask + " (" + getExecutionId() + ") [" + executionState + "]";
    }
}
