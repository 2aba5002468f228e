package io.freshet.runtime.jobmaster;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.freshet.api.common.JobID;
import io.freshet.runtime.executiongraph.Execution;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.executiongraph.ExecutionGraph;
import io.freshet.runtime.executiongraph.ExecutionVertex;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.messages.Acknowledge;
import io.freshet.runtime.operators.coordination.OperatorCoordinator;
import io.freshet.runtime.operators.coordination.OperatorEvent;
import io.freshet.util.InstantiationUtil;

/**
 * The operator coordinators of one job on its JobMaster: created from the providers the JobGraph's vertices carry
 * ({@link #PAYLOAD_KEY}), started with the job, closed when it ends. Routes events between coordinators and the
 * current attempts of their subtasks; events from attempts that are no longer current are dropped. JobMaster main
 * thread only.
 *
 * <p>An operator that has a coordinator is the head of its vertex, so the vertex id names the operator.
 */
final class OperatorCoordinators implements io.freshet.runtime.checkpoint.CoordinatorCheckpoints, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorCoordinators.class);

    /** The user payload key under which a vertex carries its {@link OperatorCoordinator.Provider}. */
    static final String PAYLOAD_KEY = OperatorCoordinator.JOB_VERTEX_PAYLOAD_KEY;

    private final ExecutionGraph graph;
    private final Duration rpcTimeout;
    private final Map<JobVertexID, OperatorCoordinator> coordinators = new HashMap<>();
    /** The attempt each coordinator was last told about, per vertex and subtask. */
    private final Map<JobVertexID, ExecutionAttemptID[]> readyAttempts = new HashMap<>();
    private final ClassLoader userCodeClassLoader;

    OperatorCoordinators(JobGraph jobGraph, ExecutionGraph graph, Duration rpcTimeout, Consumer<Throwable> failJob)
            throws Exception {
        this.graph = graph;
        this.rpcTimeout = rpcTimeout;
        this.userCodeClassLoader = userCodeClassLoaderOf(jobGraph);
        for (JobVertex vertex : jobGraph.getVertices()) {
            OperatorCoordinator.Provider provider;
            try {
                provider = vertex.<OperatorCoordinator.Provider>getUserObject(PAYLOAD_KEY, userCodeClassLoader)
                        .orElse(null);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("The coordinator of '" + vertex.getName() + "' (a split source's"
                        + " enumerator, which runs on the JobManager) needs the class " + e.getMessage() + ", which"
                        + " the JobManager cannot load. Split sources whose classes come from the job's jar are"
                        + " not supported on this cluster yet; put the source's jar on the cluster's classpath (lib/)"
                        + " or use a built-in source.", e);
            }
            if (provider == null) {
                continue;
            }
            OperatorCoordinator coordinator = provider.create(new Context(jobGraph.getJobID(),
                    vertex.getParallelism(), failJob));
            coordinators.put(vertex.getID(), coordinator);
            readyAttempts.put(vertex.getID(), new ExecutionAttemptID[vertex.getParallelism()]);
        }
    }

    private static ClassLoader userCodeClassLoaderOf(JobGraph jobGraph) throws Exception {
        ClassLoader parent = OperatorCoordinators.class.getClassLoader();
        List<URL> jars = new ArrayList<>();
        for (String jar : jobGraph.getUserJars()) {
            jars.add(new URL(jar));
        }
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(new URL[0]), parent);
    }

    boolean isEmpty() {
        return coordinators.isEmpty();
    }

    void start() throws Exception {
        for (OperatorCoordinator coordinator : coordinators.values()) {
            coordinator.start();
        }
    }

    /** An event from a subtask attempt to its operator's coordinator. */
    void deliverToCoordinator(ExecutionAttemptID attemptId, JobVertexID operatorId, byte[] serializedEvent)
            throws Exception {
        OperatorCoordinator coordinator = coordinators.get(operatorId);
        ExecutionVertex vertex = graph.findCurrentAttempt(attemptId);
        if (coordinator == null || vertex == null || !vertex.getJobVertex().getJobVertexId().equals(operatorId)) {
            LOG.debug("Dropped an operator event of {} for {}: not a current attempt of a coordinated operator.",
                    attemptId, operatorId);
            return;
        }
        int subtask = vertex.getSubtaskIndex();
        ExecutionAttemptID[] ready = readyAttempts.get(operatorId);
        if (!attemptId.equals(ready[subtask])) {
            ready[subtask] = attemptId;
            coordinator.executionAttemptReady(subtask, new Gateway(vertex.getCurrentExecution(), operatorId, subtask));
        }
        OperatorEvent event = InstantiationUtil.deserializeObject(serializedEvent, userCodeClassLoader);
        coordinator.handleEventFromOperator(subtask, event);
    }

    /** A subtask starts over as a new attempt. */
    void subtaskReset(ExecutionVertex vertex) {
        subtaskReset(vertex, -1);
    }

    /** A subtask starts over as a new attempt, from checkpoint {@code checkpointId} (-1: none). */
    void subtaskReset(ExecutionVertex vertex, long checkpointId) {
        JobVertexID id = vertex.getJobVertex().getJobVertexId();
        OperatorCoordinator coordinator = coordinators.get(id);
        if (coordinator != null) {
            readyAttempts.get(id)[vertex.getSubtaskIndex()] = null;
            coordinator.subtaskReset(vertex.getSubtaskIndex(), checkpointId);
        }
    }

    @Override
    public java.util.concurrent.CompletableFuture<Map<JobVertexID, byte[]>> checkpointCoordinators(
            long checkpointId) {
        Map<JobVertexID, java.util.concurrent.CompletableFuture<byte[]>> futures = new HashMap<>();
        for (Map.Entry<JobVertexID, OperatorCoordinator> entry : coordinators.entrySet()) {
            futures.put(entry.getKey(), entry.getValue().checkpointCoordinator(checkpointId));
        }
        return java.util.concurrent.CompletableFuture.allOf(
                futures.values().toArray(new java.util.concurrent.CompletableFuture<?>[0])).thenApply(ignored -> {
                    Map<JobVertexID, byte[]> states = new HashMap<>();
                    futures.forEach((vertex, future) -> {
                        byte[] state = future.join();
                        if (state != null) {
                            states.put(vertex, state);
                        }
                    });
                    return states;
                });
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        for (OperatorCoordinator coordinator : coordinators.values()) {
            coordinator.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public boolean hasCoordinator(JobVertexID vertex) {
        return coordinators.containsKey(vertex);
    }

    @Override
    public void resetToCheckpoint(JobVertexID vertex, long checkpointId, byte[] state) throws Exception {
        OperatorCoordinator coordinator = coordinators.get(vertex);
        if (coordinator != null) {
            coordinator.resetToCheckpoint(checkpointId, state);
        }
    }

    /** The job's user-code class loader (its jars), as the JobManager loads them. */
    ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    /** Whether any operator of the job has a coordinator (a split source). */
    public boolean hasCoordinators() {
        return !coordinators.isEmpty();
    }

    @Override
    public void close() {
        for (Map.Entry<JobVertexID, OperatorCoordinator> entry : coordinators.entrySet()) {
            try {
                entry.getValue().close();
            } catch (Exception e) {
                LOG.warn("Closing the coordinator of {} failed.", entry.getKey(), e);
            }
        }
        coordinators.clear();
        if (userCodeClassLoader instanceof URLClassLoader) {
            try {
                ((URLClassLoader) userCodeClassLoader).close();
            } catch (java.io.IOException e) {
                LOG.debug("Closing the coordinators' class loader failed.", e);
            }
        }
    }

    /** Sends to one attempt, through the TaskExecutor that runs it. */
    private final class Gateway implements OperatorCoordinator.SubtaskGateway {
        private final Execution execution;
        private final JobVertexID operatorId;
        private final int subtask;

        Gateway(Execution execution, JobVertexID operatorId, int subtask) {
            this.execution = execution;
            this.operatorId = operatorId;
            this.subtask = subtask;
        }

        @Override
        public CompletableFuture<Acknowledge> sendEvent(OperatorEvent event) {
            try {
                byte[] serialized = InstantiationUtil.serializeObject(event);
                return execution.getAssignedSlot().getTaskManagerGateway().sendOperatorEventToTask(
                        execution.getAttemptId(), operatorId, serialized, rpcTimeout);
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public int getSubtask() {
            return subtask;
        }
    }

    private final class Context implements OperatorCoordinator.Context {
        private final JobID jobId;
        private final int parallelism;
        private final Consumer<Throwable> failJob;

        Context(JobID jobId, int parallelism, Consumer<Throwable> failJob) {
            this.jobId = jobId;
            this.parallelism = parallelism;
            this.failJob = failJob;
        }

        @Override
        public JobID getJobID() {
            return jobId;
        }

        @Override
        public int currentParallelism() {
            return parallelism;
        }

        @Override
        public ClassLoader getUserCodeClassLoader() {
            return userCodeClassLoader;
        }

        @Override
        public void failJob(Throwable cause) {
            failJob.accept(cause);
        }
    }
}
