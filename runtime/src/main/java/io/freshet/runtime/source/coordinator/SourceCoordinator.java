package io.freshet.runtime.source.coordinator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.connector.source.ReaderInfo;
import io.freshet.api.connector.source.Source;
import io.freshet.api.connector.source.SourceEvent;
import io.freshet.api.connector.source.SourceSplit;
import io.freshet.api.connector.source.SplitEnumerator;
import io.freshet.api.connector.source.SplitEnumeratorContext;
import io.freshet.api.connector.source.SplitsAssignment;
import io.freshet.runtime.operators.coordination.OperatorCoordinator;
import io.freshet.runtime.operators.coordination.OperatorEvent;
import io.freshet.runtime.source.event.AddSplitEvent;
import io.freshet.runtime.source.event.NoMoreSplitsEvent;
import io.freshet.runtime.source.event.ReaderRegistrationEvent;
import io.freshet.runtime.source.event.RequestSplitEvent;
import io.freshet.runtime.source.event.SourceEventWrapper;

/**
 * Runs a source's {@link SplitEnumerator} on the JobManager.
 *
 * <p>Laws:
 * <ul>
 *   <li>The enumerator and everything it is told run in one thread of the coordinator's own
 *       ({@code SourceCoordinator-<operator>}), never in the JobMaster's main thread; its {@code callAsync} work runs
 *       in a second thread and its results come back to the first.</li>
 *   <li>A reader is registered when its subtask's {@link ReaderRegistrationEvent} arrives; splits go only to
 *       registered readers, as {@link AddSplitEvent}s serialized with the source's split serializer.</li>
 *   <li>When a subtask starts over (a failover), its reader is unregistered and the splits assigned to it are given
 *       back to the enumerator ({@code addSplitsBack}), which assigns them again, so no split is lost. Without
 *       checkpoints that is every split it was ever given.</li>
 *   <li>An exception of the enumerator fails the job, naming the source.</li>
 * </ul>
 */
public final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements OperatorCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(SourceCoordinator.class);

    private final String operatorName;
    private final Source<?, SplitT, EnumChkT> source;
    private final OperatorCoordinator.Context context;
    private final ScheduledExecutorService coordinatorThread;
    private final ScheduledExecutorService workerThread;
    private final Map<Integer, SubtaskGateway> gateways = new ConcurrentHashMap<>();
    // coordinator thread only
    private final Map<Integer, ReaderInfo> registeredReaders = new TreeMap<>();
    /**
     * Splits assigned to each subtask, by the checkpoint after which they were assigned (the id of the last
     * checkpoint snapshotted then, plus one): a subtask that starts over from checkpoint c lost those above c.
     */
    private final Map<Integer, java.util.TreeMap<Long, List<SplitT>>> assignedSplits = new HashMap<>();
    private long lastSnapshottedCheckpoint;
    /** Bumped when the enumerator is replaced (a restore): results of the old one's asynchronous work are dropped. */
    private int epoch;
    private final List<java.util.concurrent.Future<?>> periodicCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SplitEnumerator<SplitT, EnumChkT> enumerator;
    private volatile boolean closed;

    @SuppressWarnings("unchecked")
    SourceCoordinator(String operatorName, Source<?, ?, ?> source, OperatorCoordinator.Context context) {
        this.operatorName = operatorName;
        this.source = (Source<?, SplitT, EnumChkT>) source;
        this.context = context;
        this.coordinatorThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "SourceCoordinator-" + operatorName);
            thread.setDaemon(true);
            thread.setContextClassLoader(context.getUserCodeClassLoader());
            return thread;
        });
        this.workerThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "SourceCoordinator-" + operatorName + "-worker");
            thread.setDaemon(true);
            thread.setContextClassLoader(context.getUserCodeClassLoader());
            return thread;
        });
    }

    @Override
    public void start() {
        inCoordinatorThread("creating and starting the split enumerator", () -> {
            enumerator = source.createEnumerator(new EnumeratorContext());
            enumerator.start();
            LOG.info("Started the split enumerator of source '{}' of job {}.", operatorName, context.getJobID());
        });
    }

    @Override
    public void close() {
        closed = true;
        coordinatorThread.execute(() -> {
            if (enumerator != null) {
                try {
                    enumerator.close();
                } catch (Exception e) {
                    LOG.warn("Closing the split enumerator of source '{}' failed.", operatorName, e);
                }
            }
        });
        coordinatorThread.shutdown();
        workerThread.shutdownNow();
    }

    @Override
    public void executionAttemptReady(int subtask, SubtaskGateway gateway) {
        gateways.put(subtask, gateway);
    }

    @Override
    public void handleEventFromOperator(int subtask, OperatorEvent event) {
        inCoordinatorThread("handling " + event + " of subtask " + subtask, () -> {
            if (event instanceof ReaderRegistrationEvent) {
                ReaderRegistrationEvent registration = (ReaderRegistrationEvent) event;
                registeredReaders.put(subtask, new ReaderInfo(subtask, registration.location()));
                enumerator.addReader(subtask);
            } else if (event instanceof RequestSplitEvent) {
                enumerator.handleSplitRequest(subtask, ((RequestSplitEvent) event).hostName());
            } else if (event instanceof SourceEventWrapper) {
                enumerator.handleSourceEvent(subtask, ((SourceEventWrapper) event).getSourceEvent());
            } else {
                throw new IllegalArgumentException("unexpected event " + event);
            }
        });
    }

    @Override
    public void subtaskReset(int subtask) {
        subtaskReset(subtask, -1);
    }

    @Override
    public void subtaskReset(int subtask, long checkpointId) {
        gateways.remove(subtask);
        inCoordinatorThread("giving back the splits of subtask " + subtask, () -> {
            registeredReaders.remove(subtask);
            java.util.TreeMap<Long, List<SplitT>> assigned = assignedSplits.remove(subtask);
            List<SplitT> splits = new ArrayList<>();
            if (assigned != null) {
                // splits assigned up to the checkpoint are in the reader's checkpointed state: it gets them again
                assigned.tailMap(checkpointId, false).values().forEach(splits::addAll);
            }
            if (!splits.isEmpty()) {
                LOG.info("Subtask {} of source '{}' starts over; {} split(s) go back to the enumerator.", subtask,
                        operatorName, splits.size());
                enumerator.addSplitsBack(splits, subtask);
            }
        });
    }

    @Override
    public java.util.concurrent.CompletableFuture<byte[]> checkpointCoordinator(long checkpointId) {
        java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new IllegalStateException("the coordinator of source '" + operatorName
                    + "' is closed"));
            return result;
        }
        coordinatorThread.execute(() -> {
            try {
                byte[] state = io.freshet.core.io.SimpleVersionedSerialization.writeVersionAndSerialize(
                        source.getEnumeratorCheckpointSerializer(), enumerator.snapshotState(checkpointId));
                lastSnapshottedCheckpoint = checkpointId;
                result.complete(state);
            } catch (Throwable t) {
                result.completeExceptionally(new IllegalStateException("The split enumerator of source '"
                        + operatorName + "' could not snapshot its state for checkpoint " + checkpointId + ": " + t, t));
            }
        });
        return result;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        inCoordinatorThread("noting checkpoint " + checkpointId, () -> {
            for (java.util.TreeMap<Long, List<SplitT>> assigned : assignedSplits.values()) {
                assigned.headMap(checkpointId, true).clear();
            }
            enumerator.notifyCheckpointComplete(checkpointId);
        });
    }

    @Override
    public void resetToCheckpoint(long checkpointId, byte[] checkpointData) {
        inCoordinatorThread("restoring the split enumerator from checkpoint " + checkpointId, () -> {
            epoch++;
            for (java.util.concurrent.Future<?> call : periodicCalls) {
                call.cancel(false);
            }
            periodicCalls.clear();
            if (enumerator != null) {
                enumerator.close();
            }
            assignedSplits.clear();
            registeredReaders.clear();
            lastSnapshottedCheckpoint = checkpointId;
            if (checkpointData == null) {
                enumerator = source.createEnumerator(new EnumeratorContext());
            } else {
                enumerator = source.restoreEnumerator(new EnumeratorContext(),
                        io.freshet.core.io.SimpleVersionedSerialization.readVersionAndDeSerialize(
                                source.getEnumeratorCheckpointSerializer(), checkpointData));
            }
            enumerator.start();
            LOG.info("Restored the split enumerator of source '{}' from checkpoint {}.", operatorName, checkpointId);
        });
    }

    private interface Action {
        void run() throws Exception;
    }

    private void inCoordinatorThread(String what, Action action) {
        if (closed) {
            return;
        }
        coordinatorThread.execute(() -> {
            if (closed) {
                return;
            }
            try {
                action.run();
            } catch (Throwable t) {
                fail(what, t);
            }
        });
    }

    private void fail(String what, Throwable t) {
        LOG.error("The split enumerator of source '{}' failed {}.", operatorName, what, t);
        context.failJob(new IllegalStateException("The split enumerator of source '" + operatorName + "' failed "
                + what + ": " + t, t));
    }

    private void send(int subtask, OperatorEvent event) {
        SubtaskGateway gateway = gateways.get(subtask);
        if (gateway == null) {
            throw new IllegalStateException("Subtask " + subtask + " of source '" + operatorName + "' is not running;"
                    + " the enumerator can only send to registered readers " + registeredReaders.keySet());
        }
        gateway.sendEvent(event).whenComplete((ack, failure) -> {
            if (failure != null && !closed) {
                // the subtask is gone (its failover resets it and gives its splits back)
                LOG.debug("Could not send {} to subtask {} of source '{}'.", event, subtask, operatorName, failure);
            }
        });
    }

    /** What the enumerator sees; called in the coordinator thread. */
    private final class EnumeratorContext implements SplitEnumeratorContext<SplitT> {

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            send(subtaskId, new SourceEventWrapper(event));
        }

        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return new TreeMap<>(registeredReaders);
        }

        @Override
        public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
            for (Map.Entry<Integer, List<SplitT>> entry : newSplitAssignments.assignment().entrySet()) {
                if (!registeredReaders.containsKey(entry.getKey())) {
                    throw new IllegalStateException("Cannot assign splits " + entry.getValue() + " to subtask "
                            + entry.getKey() + " of source '" + operatorName + "': it has no registered reader.");
                }
            }
            for (Map.Entry<Integer, List<SplitT>> entry : newSplitAssignments.assignment().entrySet()) {
                try {
                    send(entry.getKey(), new AddSplitEvent<>(entry.getValue(), source.getSplitSerializer()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("Cannot serialize splits of source '" + operatorName
                            + "'", e);
                }
                assignedSplits.computeIfAbsent(entry.getKey(), subtask -> new java.util.TreeMap<>())
                        .computeIfAbsent(lastSnapshottedCheckpoint + 1, bucket -> new ArrayList<>())
                        .addAll(entry.getValue());
            }
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            send(subtask, new NoMoreSplitsEvent());
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            int callEpoch = epoch;
            workerThread.execute(() -> runAndHandOver(callable, handler, callEpoch));
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelayMillis,
                long periodMillis) {
            int callEpoch = epoch;
            periodicCalls.add(workerThread.scheduleAtFixedRate(() -> runAndHandOver(callable, handler, callEpoch),
                    initialDelayMillis, periodMillis, TimeUnit.MILLISECONDS));
        }

        private <T> void runAndHandOver(Callable<T> callable, BiConsumer<T, Throwable> handler, int callEpoch) {
            T result = null;
            Throwable failure = null;
            try {
                result = callable.call();
            } catch (Throwable t) {
                failure = t;
            }
            T finalResult = result;
            Throwable finalFailure = failure;
            inCoordinatorThread("handling the result of asynchronous work", () -> {
                if (callEpoch == epoch) {
                    handler.accept(finalResult, finalFailure);
                }
            });
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            inCoordinatorThread("running an action", runnable::run);
        }
    }
}
