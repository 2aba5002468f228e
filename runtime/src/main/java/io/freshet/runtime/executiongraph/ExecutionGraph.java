package io.freshet.runtime.executiongraph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.deployment.InputChannelDeploymentDescriptor;
import io.freshet.runtime.deployment.InputGateDeploymentDescriptor;
import io.freshet.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.freshet.runtime.deployment.TaskDeploymentDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.IntermediateDataSet;
import io.freshet.runtime.jobgraph.IntermediateResultPartitionID;
import io.freshet.runtime.jobgraph.JobEdge;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.jobmaster.LogicalSlot;
import io.freshet.runtime.scheduler.strategy.ExecutionVertexID;

/**
 * The JobMaster's live view of a job: the job graph expanded to subtasks ({@link ExecutionVertex}) with their
 * current attempts ({@link Execution}), and the job's status. Confined to the JobMaster's main thread; the
 * scheduler drives it.
 *
 * <p>It also builds the deployment descriptor of an attempt, wiring its partitions and input channels from the
 * graph's edges: an ALL_TO_ALL edge gives each producer one subpartition per consumer; a POINTWISE edge follows
 * {@link PointwiseMapping}. Input channels name the producers' current attempts and the TaskExecutors they run
 * on, so producers must have slots before their consumers are deployed (a pipelined region is deployed at once,
 * a blocking producer has finished).
 */
public final class ExecutionGraph {

    /** How many handled failures the graph keeps ({@code web.exception-history-size} in Flink). */
    public static final int MAX_EXCEPTION_HISTORY = 16;

    private final JobGraph jobGraph;
    private final ExecutionGraphID graphId = new ExecutionGraphID();
    private final Map<JobVertexID, ExecutionJobVertex> vertices = new LinkedHashMap<>();
    private final Map<ExecutionVertexID, ExecutionVertex> executionVertices = new LinkedHashMap<>();
    private JobStatus status = JobStatus.CREATED;
    private Throwable failureCause;
    /** When the job entered each status (epoch millis, by ordinal), 0 for statuses it has not entered. */
    private final long[] statusTimestamps = new long[JobStatus.values().length];
    private final List<ErrorInfo> exceptionHistory = new ArrayList<>();

    public ExecutionGraph(JobGraph jobGraph) {
        this.jobGraph = jobGraph;
        for (JobVertex vertex : jobGraph.getVerticesSortedTopologicallyFromSources()) {
            ExecutionJobVertex jobVertex = new ExecutionJobVertex(vertex, graphId);
            vertices.put(vertex.getID(), jobVertex);
            for (ExecutionVertex taskVertex : jobVertex.getTaskVertices()) {
                executionVertices.put(taskVertex.getId(), taskVertex);
            }
        }
        statusTimestamps[JobStatus.CREATED.ordinal()] = System.currentTimeMillis();
    }

    private java.util.function.Supplier<io.freshet.runtime.checkpoint.CheckpointStatsSnapshot> checkpointStats =
            () -> null;

    /** Where the job's checkpoint statistics come from (its CheckpointCoordinator). */
    public void setCheckpointStatsSupplier(
            java.util.function.Supplier<io.freshet.runtime.checkpoint.CheckpointStatsSnapshot> checkpointStats) {
        this.checkpointStats = checkpointStats;
    }

    /** The job's checkpoint statistics, or null when it takes no checkpoints. */
    public io.freshet.runtime.checkpoint.CheckpointStatsSnapshot getCheckpointStatsSnapshot() {
        return checkpointStats.get();
    }

    public JobID getJobId() {
        return jobGraph.getJobID();
    }

    public String getJobName() {
        return jobGraph.getName();
    }

    public JobGraph getJobGraph() {
        return jobGraph;
    }

    public JobStatus getState() {
        return status;
    }

    public void transitionState(JobStatus newStatus) {
        if (status.isGloballyTerminalState()) {
            throw new IllegalStateException("job " + getJobId() + " is already " + status);
        }
        status = newStatus;
        statusTimestamps[newStatus.ordinal()] = System.currentTimeMillis();
    }

    /** When the job entered {@code jobStatus} (epoch millis), or 0 if it never did. */
    public long getStatusTimestamp(JobStatus jobStatus) {
        return statusTimestamps[jobStatus.ordinal()];
    }

    // ---- failures ----

    /** Keeps a failure that the scheduler handled (restart or global failure), for {@code /jobs/:jobid/exceptions}. */
    public void recordFailure(ErrorInfo failure) {
        exceptionHistory.add(failure);
        if (exceptionHistory.size() > MAX_EXCEPTION_HISTORY) {
            exceptionHistory.remove(0);
        }
    }

    /** The handled failures, oldest first (at most {@value #MAX_EXCEPTION_HISTORY}). */
    public List<ErrorInfo> getExceptionHistory() {
        return Collections.unmodifiableList(exceptionHistory);
    }

    public Throwable getFailureCause() {
        return failureCause;
    }

    public void setFailureCause(Throwable failureCause) {
        this.failureCause = failureCause;
    }

    /** Vertices in topological order from the sources. */
    public List<ExecutionJobVertex> getVerticesTopologically() {
        return Collections.unmodifiableList(new ArrayList<>(vertices.values()));
    }

    public ExecutionJobVertex getJobVertex(JobVertexID id) {
        return vertices.get(id);
    }

    public ExecutionVertex getExecutionVertex(ExecutionVertexID id) {
        ExecutionVertex vertex = executionVertices.get(id);
        if (vertex == null) {
            throw new IllegalArgumentException("job " + getJobId() + " has no subtask " + id);
        }
        return vertex;
    }

    public Iterable<ExecutionVertex> getAllExecutionVertices() {
        return Collections.unmodifiableCollection(executionVertices.values());
    }

    /** The vertex whose current attempt is {@code attemptId}, or null for an unknown or outdated attempt. */
    public ExecutionVertex findCurrentAttempt(ExecutionAttemptID attemptId) {
        ExecutionVertex vertex = executionVertices.get(attemptId.getExecutionVertexId());
        if (vertex == null || !vertex.getCurrentExecution().getAttemptId().equals(attemptId)) {
            return null;
        }
        return vertex;
    }

    // ---- deployment descriptors ----

    /** Assigns the slot to the vertex's current attempt. */
    public void assignSlot(ExecutionVertex vertex, LogicalSlot slot) {
        vertex.getCurrentExecution().assignSlot(slot);
    }

    /** The descriptor that deploys the current attempt of {@code vertex} into its assigned slot. */
    public TaskDeploymentDescriptor createDeploymentDescriptor(ExecutionVertex vertex) {
        Execution execution = vertex.getCurrentExecution();
        LogicalSlot slot = execution.getAssignedSlot();
        if (slot == null) {
            throw new IllegalStateException(vertex + " has no slot yet");
        }
        JobVertex jobVertex = vertex.getJobVertex().getJobVertex();
        int subtask = vertex.getSubtaskIndex();
        int parallelism = vertex.getJobVertex().getParallelism();

        List<ResultPartitionDeploymentDescriptor> produced = new ArrayList<>();
        for (IntermediateDataSet dataSet : jobVertex.getProducedDataSets()) {
            int subpartitions = 1;
            int consumerMaxParallelism = jobVertex.getEffectiveMaxParallelism();
            if (!dataSet.getConsumers().isEmpty()) {
                JobEdge edge = dataSet.getConsumers().get(0);
                JobVertex consumer = edge.getTarget();
                subpartitions = edge.getDistributionPattern() == DistributionPattern.ALL_TO_ALL
                        ? consumer.getParallelism()
                        : PointwiseMapping.numberOfSubpartitions(parallelism, consumer.getParallelism(), subtask);
                consumerMaxParallelism = consumer.getEffectiveMaxParallelism();
            }
            produced.add(new ResultPartitionDeploymentDescriptor(dataSet.getId(),
                    new ResultPartitionID(new IntermediateResultPartitionID(dataSet.getId(), subtask),
                            execution.getAttemptId()),
                    dataSet.getResultType(), subpartitions, consumerMaxParallelism));
        }

        List<InputGateDeploymentDescriptor> gates = new ArrayList<>();
        for (JobEdge edge : jobVertex.getInputs()) {
            IntermediateDataSet dataSet = edge.getSource();
            ExecutionJobVertex producer = vertices.get(dataSet.getProducer().getID());
            int producers = producer.getParallelism();
            List<InputChannelDeploymentDescriptor> channels = new ArrayList<>();
            int first = 0;
            int end = producers;
            if (edge.getDistributionPattern() == DistributionPattern.POINTWISE) {
                first = PointwiseMapping.firstProducer(producers, parallelism, subtask);
                end = PointwiseMapping.endProducer(producers, parallelism, subtask);
            }
            for (int i = first; i < end; i++) {
                Execution producerExecution = producer.getTaskVertex(i).getCurrentExecution();
                LogicalSlot producerSlot = producerExecution.getAssignedSlot();
                if (producerSlot == null) {
                    throw new IllegalStateException("cannot deploy " + vertex + ": its producer "
                            + producer.getTaskVertex(i) + " has no slot yet");
                }
                int subpartition = edge.getDistributionPattern() == DistributionPattern.ALL_TO_ALL ? subtask
                        : PointwiseMapping.subpartitionFor(producers, parallelism, i, subtask);
                channels.add(new InputChannelDeploymentDescriptor(
                        new ResultPartitionID(new IntermediateResultPartitionID(dataSet.getId(), i),
                                producerExecution.getAttemptId()),
                        subpartition, producerSlot.getTaskManagerId(), producerSlot.getDataHost(),
                        producerSlot.getDataPort()));
            }
            gates.add(new InputGateDeploymentDescriptor(dataSet.getId(), dataSet.getResultType(), channels));
        }

        Map<String, byte[]> payloads = new LinkedHashMap<>();
        for (String key : jobVertex.getUserPayloadKeys()) {
            payloads.put(key, jobVertex.getUserPayload(key).orElseThrow());
        }
        AllocationID allocationId = slot.getAllocationId();
        return new TaskDeploymentDescriptor(getJobId(), getJobName(), jobGraph.getJobConfiguration(),
                jobGraph.getUserJars(), execution.getAttemptId(), allocationId, jobVertex.getName(),
                jobVertex.getInvokableClassName(), jobVertex.getConfiguration(), payloads, subtask, parallelism,
                jobVertex.getEffectiveMaxParallelism(), produced, gates).withTaskRestore(vertex.getTaskRestore());
    }

    @Override
    public String toString() {
        return "ExecutionGraph(" + getJobName() + " (" + getJobId() + "), " + status + ")";
    }
}
