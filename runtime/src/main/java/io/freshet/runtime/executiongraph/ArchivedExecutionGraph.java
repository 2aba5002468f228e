package io.freshet.runtime.executiongraph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.freshet.api.common.JobID;
import io.freshet.api.common.JobStatus;
import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobEdge;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobType;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.jobmaster.LogicalSlot;

/**
 * An immutable copy of an {@link ExecutionGraph} at one moment: the job's status and when it entered each status,
 * its vertices and the current attempt of every subtask (state, state timestamps, where it runs), the failure that
 * ended it and the failures it survived. The REST API answers from it, for running jobs (a fresh copy per request)
 * and for finished ones (the last copy, kept by the Dispatcher for {@code jobstore.expiration-time}).
 */
public final class ArchivedExecutionGraph implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String jobName;
    private final JobType jobType;
    private final JobStatus state;
    private final long[] statusTimestamps;
    private final ErrorInfo failureInfo;
    private final List<ErrorInfo> exceptionHistory;
    private final List<ArchivedJobVertex> vertices;

    private ArchivedExecutionGraph(JobID jobId, String jobName, JobType jobType, JobStatus state,
            long[] statusTimestamps, ErrorInfo failureInfo, List<ErrorInfo> exceptionHistory,
            List<ArchivedJobVertex> vertices) {
        this.jobId = jobId;
        this.jobName = jobName;
        this.jobType = jobType;
        this.state = state;
        this.statusTimestamps = statusTimestamps;
        this.failureInfo = failureInfo;
        this.exceptionHistory = List.copyOf(exceptionHistory);
        this.vertices = List.copyOf(vertices);
    }

    /** Copies the graph as it is now; call on the JobMaster's main thread. */
    public static ArchivedExecutionGraph of(ExecutionGraph graph) {
        long[] timestamps = new long[JobStatus.values().length];
        for (JobStatus status : JobStatus.values()) {
            timestamps[status.ordinal()] = graph.getStatusTimestamp(status);
        }
        List<ArchivedJobVertex> vertices = new ArrayList<>();
        for (ExecutionJobVertex vertex : graph.getVerticesTopologically()) {
            List<ArchivedSubtask> subtasks = new ArrayList<>();
            for (ExecutionVertex subtask : vertex.getTaskVertices()) {
                subtasks.add(ArchivedSubtask.of(subtask));
            }
            JobVertex jobVertex = vertex.getJobVertex();
            vertices.add(new ArchivedJobVertex(jobVertex.getID(), jobVertex.getName(), vertex.getParallelism(),
                    jobVertex.getEffectiveMaxParallelism(), inputsOf(jobVertex), subtasks));
        }
        ErrorInfo failure = null;
        if (graph.getFailureCause() != null) {
            long failedAt = graph.getStatusTimestamp(JobStatus.FAILING);
            failure = ErrorInfo.ofJob(graph.getFailureCause(), failedAt != 0 ? failedAt : System.currentTimeMillis());
        }
        ArchivedExecutionGraph archived = new ArchivedExecutionGraph(graph.getJobId(), graph.getJobName(),
                graph.getJobGraph().getJobType(), graph.getState(), timestamps, failure, graph.getExceptionHistory(),
                vertices);
        archived.checkpointStats = graph.getCheckpointStatsSnapshot();
        return archived;
    }

    private io.freshet.runtime.checkpoint.CheckpointStatsSnapshot checkpointStats;

    /** The job's checkpoint statistics, or null when it took no checkpoints. */
    public io.freshet.runtime.checkpoint.CheckpointStatsSnapshot getCheckpointStatsSnapshot() {
        return checkpointStats;
    }

    /**
     * A job that never got an execution graph (its JobMaster could not start it): its vertices as the job graph
     * declares them, with no subtask attempts.
     */
    public static ArchivedExecutionGraph ofUnstartedJob(JobGraph jobGraph, JobStatus state, Throwable failure,
            long startTime, long endTime) {
        long[] timestamps = new long[JobStatus.values().length];
        timestamps[JobStatus.INITIALIZING.ordinal()] = startTime;
        timestamps[state.ordinal()] = endTime;
        List<ArchivedJobVertex> vertices = new ArrayList<>();
        for (JobVertex vertex : jobGraph.getVerticesSortedTopologicallyFromSources()) {
            vertices.add(new ArchivedJobVertex(vertex.getID(), vertex.getName(), vertex.getParallelism(),
                    vertex.getEffectiveMaxParallelism(), inputsOf(vertex), List.of()));
        }
        ErrorInfo failureInfo = failure == null ? null : ErrorInfo.ofJob(failure, endTime);
        return new ArchivedExecutionGraph(jobGraph.getJobID(), jobGraph.getName(), jobGraph.getJobType(), state,
                timestamps, failureInfo, failureInfo == null ? List.of() : List.of(failureInfo), vertices);
    }

    private static List<ArchivedInput> inputsOf(JobVertex vertex) {
        List<ArchivedInput> inputs = new ArrayList<>();
        for (JobEdge edge : vertex.getInputs()) {
            String shipStrategy = edge.getShipStrategyName() != null ? edge.getShipStrategyName()
                    : edge.getDistributionPattern() == DistributionPattern.POINTWISE ? "FORWARD" : "HASH";
            inputs.add(new ArchivedInput(edge.getSource().getProducer().getID(), shipStrategy,
                    edge.getSource().getResultType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        return inputs;
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    public JobType getJobType() {
        return jobType;
    }

    public JobStatus getState() {
        return state;
    }

    /** When the job entered {@code status} (epoch millis), or 0 if it never did. */
    public long getStatusTimestamp(JobStatus status) {
        return statusTimestamps[status.ordinal()];
    }

    /** When the job was created here: the first status timestamp it has. */
    public long getStartTime() {
        long start = Long.MAX_VALUE;
        for (long timestamp : statusTimestamps) {
            if (timestamp > 0 && timestamp < start) {
                start = timestamp;
            }
        }
        return start == Long.MAX_VALUE ? -1 : start;
    }

    /** When the job reached its terminal status, or -1 while it runs. */
    public long getEndTime() {
        return state.isTerminalState() ? getStatusTimestamp(state) : -1;
    }

    /** The failure that made the job fail (or that it was failing with), or null. */
    public ErrorInfo getFailureInfo() {
        return failureInfo;
    }

    /** The failures the scheduler handled, oldest first. */
    public List<ErrorInfo> getExceptionHistory() {
        return exceptionHistory;
    }

    public List<ArchivedJobVertex> getVertices() {
        return vertices;
    }

    /** The vertex with {@code id}, or null. */
    public ArchivedJobVertex getVertex(JobVertexID id) {
        for (ArchivedJobVertex vertex : vertices) {
            if (vertex.getId().equals(id)) {
                return vertex;
            }
        }
        return null;
    }

    /** How many subtasks of the whole job are in each state (by {@link ExecutionState} ordinal). */
    public int[] getTaskStateCounts() {
        int[] counts = new int[ExecutionState.values().length];
        for (ArchivedJobVertex vertex : vertices) {
            int[] vertexCounts = vertex.getStateCounts();
            for (int i = 0; i < counts.length; i++) {
                counts[i] += vertexCounts[i];
            }
        }
        return counts;
    }

    public int getTotalNumberOfTasks() {
        int total = 0;
        for (ArchivedJobVertex vertex : vertices) {
            total += vertex.getParallelism();
        }
        return total;
    }

    // ---- vertices and subtasks ----

    /** One job vertex: its subtasks' current attempts. */
    public static final class ArchivedJobVertex implements Serializable {

        private static final long serialVersionUID = 1L;

        private final JobVertexID id;
        private final String name;
        private final int parallelism;
        private final int maxParallelism;
        private final List<ArchivedInput> inputs;
        private final List<ArchivedSubtask> subtasks;

        ArchivedJobVertex(JobVertexID id, String name, int parallelism, int maxParallelism,
                List<ArchivedInput> inputs, List<ArchivedSubtask> subtasks) {
            this.id = id;
            this.name = name;
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
            this.inputs = List.copyOf(inputs);
            this.subtasks = List.copyOf(subtasks);
        }

        /** The vertex's inputs in the job graph, in input order. */
        public List<ArchivedInput> getInputs() {
            return inputs;
        }

        public JobVertexID getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public int getParallelism() {
            return parallelism;
        }

        public int getMaxParallelism() {
            return maxParallelism;
        }

        /** The subtasks by index; empty for a job that never started. */
        public List<ArchivedSubtask> getSubtasks() {
            return subtasks;
        }

        /** How many subtasks are in each state (by {@link ExecutionState} ordinal). */
        public int[] getStateCounts() {
            int[] counts = new int[ExecutionState.values().length];
            if (subtasks.isEmpty()) {
                counts[ExecutionState.CREATED.ordinal()] = parallelism;
            }
            for (ArchivedSubtask subtask : subtasks) {
                counts[subtask.getState().ordinal()]++;
            }
            return counts;
        }

        /**
         * The vertex's state as one value: the state all subtasks share; otherwise the most telling one present,
         * in the order FAILED, CANCELING, CANCELED, RECONCILING, RUNNING, INITIALIZING, DEPLOYING, SCHEDULED, CREATED
         * (a vertex with some subtasks FINISHED and some RUNNING is RUNNING).
         */
        public ExecutionState getAggregateState() {
            return aggregateState(getStateCounts(), parallelism);
        }

        /** {@link #getAggregateState()} for any group of {@code total} subtasks with these state counts. */
        public static ExecutionState aggregateState(int[] counts, int total) {
            for (ExecutionState state : ExecutionState.values()) {
                if (counts[state.ordinal()] == total) {
                    return state;
                }
            }
            for (ExecutionState state : AGGREGATION_ORDER) {
                if (counts[state.ordinal()] > 0) {
                    return state;
                }
            }
            return ExecutionState.CREATED;
        }

        /** When the first subtask was deployed, or -1 if none was. */
        public long getStartTime() {
            long start = Long.MAX_VALUE;
            for (ArchivedSubtask subtask : subtasks) {
                long deployed = subtask.getStartTime();
                if (deployed > 0 && deployed < start) {
                    start = deployed;
                }
            }
            return start == Long.MAX_VALUE ? -1 : start;
        }

        /** When the last subtask ended, or -1 while any is not terminal. */
        public long getEndTime() {
            long end = -1;
            for (ArchivedSubtask subtask : subtasks) {
                if (!subtask.getState().isTerminal()) {
                    return -1;
                }
                end = Math.max(end, subtask.getEndTime());
            }
            return end;
        }
    }

    /** One input of a vertex: the producing vertex, how records are shipped, and the exchange's partition type. */
    public static final class ArchivedInput implements Serializable {

        private static final long serialVersionUID = 1L;

        private final JobVertexID producerId;
        private final String shipStrategy;
        private final String exchange;

        ArchivedInput(JobVertexID producerId, String shipStrategy, String exchange) {
            this.producerId = producerId;
            this.shipStrategy = shipStrategy;
            this.exchange = exchange;
        }

        public JobVertexID getProducerId() {
            return producerId;
        }

        public String getShipStrategy() {
            return shipStrategy;
        }

        /** {@code pipelined}, {@code pipelined_bounded} or {@code blocking}. */
        public String getExchange() {
            return exchange;
        }
    }

    private static final ExecutionState[] AGGREGATION_ORDER = {
        ExecutionState.FAILED, ExecutionState.CANCELING, ExecutionState.CANCELED, ExecutionState.RECONCILING,
        ExecutionState.RUNNING, ExecutionState.INITIALIZING, ExecutionState.DEPLOYING, ExecutionState.SCHEDULED,
        ExecutionState.CREATED
    };

    /** The current attempt of one subtask. */
    public static final class ArchivedSubtask implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int subtaskIndex;
        private final int attemptNumber;
        private final ExecutionState state;
        private final long[] stateTimestamps;
        private final String taskManagerId;
        private final String host;
        private final int dataPort;
        private final IOMetrics ioMetrics;

        private ArchivedSubtask(int subtaskIndex, int attemptNumber, ExecutionState state, long[] stateTimestamps,
                String taskManagerId, String host, int dataPort, IOMetrics ioMetrics) {
            this.subtaskIndex = subtaskIndex;
            this.attemptNumber = attemptNumber;
            this.state = state;
            this.stateTimestamps = stateTimestamps;
            this.taskManagerId = taskManagerId;
            this.host = host;
            this.dataPort = dataPort;
            this.ioMetrics = ioMetrics;
        }

        static ArchivedSubtask of(ExecutionVertex vertex) {
            Execution execution = vertex.getCurrentExecution();
            long[] timestamps = new long[ExecutionState.values().length];
            for (ExecutionState state : ExecutionState.values()) {
                timestamps[state.ordinal()] = execution.getStateTimestamp(state);
            }
            LogicalSlot slot = execution.getAssignedSlot();
            return new ArchivedSubtask(vertex.getSubtaskIndex(), execution.getAttemptNumber(), execution.getState(),
                    timestamps, slot == null ? null : slot.getTaskManagerId().toString(),
                    slot == null ? null : slot.getDataHost(), slot == null ? -1 : slot.getDataPort(),
                    execution.getIOMetrics());
        }

        public int getSubtaskIndex() {
            return subtaskIndex;
        }

        public int getAttemptNumber() {
            return attemptNumber;
        }

        public ExecutionState getState() {
            return state;
        }

        /** When the attempt entered {@code state} (epoch millis), or 0 if it never did. */
        public long getStateTimestamp(ExecutionState state) {
            return stateTimestamps[state.ordinal()];
        }

        /** When the attempt was deployed, or -1 if it was not (yet). */
        public long getStartTime() {
            long deployed = getStateTimestamp(ExecutionState.DEPLOYING);
            return deployed > 0 ? deployed : -1;
        }

        /** When the attempt reached its terminal state, or -1 while it is not terminal. */
        public long getEndTime() {
            return state.isTerminal() ? getStateTimestamp(state) : -1;
        }

        /** The resource id of the TaskExecutor the attempt runs on, or null before it has a slot. */
        public String getTaskManagerId() {
            return taskManagerId;
        }

        /** The TaskExecutor's host, or null before the attempt has a slot. */
        public String getHost() {
            return host;
        }

        /** The TaskExecutor's data port, or -1 before the attempt has a slot. */
        public int getDataPort() {
            return dataPort;
        }

        /** The time split reported when the attempt ended, or null. */
        public IOMetrics getIOMetrics() {
            return ioMetrics;
        }
    }

    @Override
    public String toString() {
        return "ArchivedExecutionGraph(" + jobName + " (" + jobId + "), " + state + ")";
    }
}
