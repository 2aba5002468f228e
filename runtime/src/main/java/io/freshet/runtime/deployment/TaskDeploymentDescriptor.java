package io.freshet.runtime.deployment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.clusterframework.types.AllocationID;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;

/**
 * Everything a TaskExecutor needs to run one subtask attempt: the job (id, name, configuration, user jars), the
 * subtask (attempt id, the slot's allocation, vertex name, invokable class, vertex configuration and user
 * payloads, index/parallelism), the partitions it produces and the input gates it reads.
 *
 * <p>Plain data, immutable, shipped by the JobMaster over RPC; configurations travel as string maps.
 * User classes are named, never loaded here: the TaskExecutor loads them with the job's user-code class loader.
 */
public final class TaskDeploymentDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final String jobName;
    private final Map<String, String> jobConfiguration;
    private final List<String> userJarUrls;
    private final ExecutionAttemptID executionId;
    private final AllocationID allocationId;
    private final String taskName;
    private final String invokableClassName;
    private final Map<String, String> taskConfiguration;
    private final Map<String, byte[]> userPayloads;
    private final int subtaskIndex;
    private final int parallelism;
    private final int maxParallelism;
    private final List<ResultPartitionDeploymentDescriptor> producedPartitions;
    private final List<InputGateDeploymentDescriptor> inputGates;
    private io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore;

    public TaskDeploymentDescriptor(JobID jobId, String jobName, Configuration jobConfiguration,
            List<String> userJarUrls, ExecutionAttemptID executionId, AllocationID allocationId, String taskName,
            String invokableClassName, Configuration taskConfiguration, Map<String, byte[]> userPayloads,
            int subtaskIndex, int parallelism, int maxParallelism,
            List<ResultPartitionDeploymentDescriptor> producedPartitions, List<InputGateDeploymentDescriptor> inputGates) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.jobConfiguration = new LinkedHashMap<>(jobConfiguration.toMap());
        this.userJarUrls = Collections.unmodifiableList(new ArrayList<>(userJarUrls));
        this.executionId = Objects.requireNonNull(executionId, "executionId");
        this.allocationId = Objects.requireNonNull(allocationId, "allocationId");
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.invokableClassName = Objects.requireNonNull(invokableClassName, "invokableClassName");
        this.taskConfiguration = new LinkedHashMap<>(taskConfiguration.toMap());
        this.userPayloads = Collections.unmodifiableMap(new LinkedHashMap<>(userPayloads));
        if (subtaskIndex < 0 || subtaskIndex >= parallelism || parallelism > maxParallelism) {
            throw new IllegalArgumentException("subtask " + subtaskIndex + " of parallelism " + parallelism
                    + " (max " + maxParallelism + ") is not a valid subtask");
        }
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
        this.producedPartitions = Collections.unmodifiableList(new ArrayList<>(producedPartitions));
        this.inputGates = Collections.unmodifiableList(new ArrayList<>(inputGates));
    }

    public JobID getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    public Configuration getJobConfiguration() {
        return Configuration.fromMap(jobConfiguration);
    }

    /** URLs of the job's jars, in class-path order. */
    public List<String> getUserJarUrls() {
        return userJarUrls;
    }

    public ExecutionAttemptID getExecutionAttemptId() {
        return executionId;
    }

    public AllocationID getAllocationId() {
        return allocationId;
    }

    public String getTaskName() {
        return taskName;
    }

    public String getInvokableClassName() {
        return invokableClassName;
    }

    public Configuration getTaskConfiguration() {
        return Configuration.fromMap(taskConfiguration);
    }

    public Map<String, byte[]> getUserPayloads() {
        return userPayloads;
    }

    public int getSubtaskIndex() {
        return subtaskIndex;
    }

    public int getParallelism() {
        return parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public int getAttemptNumber() {
        return executionId.getAttemptNumber();
    }

    public List<ResultPartitionDeploymentDescriptor> getProducedPartitions() {
        return producedPartitions;
    }

    public List<InputGateDeploymentDescriptor> getInputGates() {
        return inputGates;
    }

    /** The state the task restores, or null. */
    public io.freshet.runtime.checkpoint.JobManagerTaskRestore getTaskRestore() {
        return taskRestore;
    }

    public TaskDeploymentDescriptor withTaskRestore(io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore) {
        this.taskRestore = taskRestore;
        return this;
    }

    @Override
    public String toString() {
        return "TaskDeploymentDescriptor(" + taskName + " (" + (subtaskIndex + 1) + "/" + parallelism + ")#"
                + getAttemptNumber() + ", " + executionId + ", job " + jobId + ")";
    }
}
