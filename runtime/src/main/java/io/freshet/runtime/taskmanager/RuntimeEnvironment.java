package io.freshet.runtime.taskmanager;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.JobID;
import io.freshet.api.common.TaskInfo;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.execution.Environment;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.memory.MemoryManager;

/** The {@link Environment} a {@link Task} gives its invokable; plain holder, immutable. */
public final class RuntimeEnvironment implements Environment {

    private final JobID jobId;
    private final ExecutionAttemptID executionId;
    private final TaskInfo taskInfo;
    private final Configuration jobConfiguration;
    private final Configuration taskConfiguration;
    private final Map<String, byte[]> userPayloads;
    private final ClassLoader userCodeClassLoader;
    private final MemoryManager memoryManager;
    private final List<ResultPartitionWriter> writers;
    private final List<InputGate> inputGates;
    private final File[] tempDirectories;
    private io.freshet.runtime.jobgraph.tasks.TaskOperatorEventGateway operatorEventGateway;
    private io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore;
    private io.freshet.runtime.checkpoint.CheckpointResponder checkpointResponder;

    /** Sets the state to restore and where checkpoint answers go. */
    public RuntimeEnvironment withCheckpointing(io.freshet.runtime.checkpoint.JobManagerTaskRestore taskRestore,
            io.freshet.runtime.checkpoint.CheckpointResponder checkpointResponder) {
        this.taskRestore = taskRestore;
        this.checkpointResponder = checkpointResponder;
        return this;
    }

    @Override
    public io.freshet.runtime.checkpoint.JobManagerTaskRestore getTaskRestore() {
        return taskRestore;
    }

    @Override
    public io.freshet.runtime.checkpoint.CheckpointResponder getCheckpointResponder() {
        if (checkpointResponder == null) {
            throw new UnsupportedOperationException("This task takes no part in checkpoints.");
        }
        return checkpointResponder;
    }

    /** Sets where operator events go (the task's TaskExecutor, on to the JobMaster). */
    public RuntimeEnvironment withOperatorEventGateway(
            io.freshet.runtime.jobgraph.tasks.TaskOperatorEventGateway gateway) {
        this.operatorEventGateway = gateway;
        return this;
    }

    @Override
    public io.freshet.runtime.jobgraph.tasks.TaskOperatorEventGateway getOperatorCoordinatorEventGateway() {
        if (operatorEventGateway == null) {
            throw new UnsupportedOperationException("This task cannot reach operator coordinators.");
        }
        return operatorEventGateway;
    }

    public RuntimeEnvironment(JobID jobId, ExecutionAttemptID executionId, TaskInfo taskInfo,
            Configuration jobConfiguration, Configuration taskConfiguration, Map<String, byte[]> userPayloads,
            ClassLoader userCodeClassLoader, MemoryManager memoryManager, List<ResultPartitionWriter> writers,
            List<InputGate> inputGates, File[] tempDirectories) {
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.executionId = Objects.requireNonNull(executionId, "executionId");
        this.taskInfo = Objects.requireNonNull(taskInfo, "taskInfo");
        this.jobConfiguration = Objects.requireNonNull(jobConfiguration, "jobConfiguration");
        this.taskConfiguration = Objects.requireNonNull(taskConfiguration, "taskConfiguration");
        this.userPayloads = Map.copyOf(userPayloads);
        this.userCodeClassLoader = Objects.requireNonNull(userCodeClassLoader, "userCodeClassLoader");
        this.memoryManager = Objects.requireNonNull(memoryManager, "memoryManager");
        this.writers = List.copyOf(writers);
        this.inputGates = List.copyOf(inputGates);
        if (tempDirectories.length == 0) {
            throw new IllegalArgumentException("a task needs at least one temporary directory");
        }
        this.tempDirectories = tempDirectories.clone();
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public JobVertexID getJobVertexId() {
        return executionId.getJobVertexId();
    }

    @Override
    public ExecutionAttemptID getExecutionId() {
        return executionId;
    }

    @Override
    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    @Override
    public Configuration getJobConfiguration() {
        return new Configuration(jobConfiguration);
    }

    @Override
    public Configuration getTaskConfiguration() {
        return new Configuration(taskConfiguration);
    }

    @Override
    public Map<String, byte[]> getUserPayloads() {
        return userPayloads;
    }

    @Override
    public ClassLoader getUserCodeClassLoader() {
        return userCodeClassLoader;
    }

    @Override
    public MemoryManager getMemoryManager() {
        return memoryManager;
    }

    @Override
    public ResultPartitionWriter getWriter(int index) {
        return writers.get(index);
    }

    @Override
    public List<ResultPartitionWriter> getAllWriters() {
        return writers;
    }

    @Override
    public InputGate getInputGate(int index) {
        return inputGates.get(index);
    }

    @Override
    public List<InputGate> getAllInputGates() {
        return inputGates;
    }

    @Override
    public File[] getTaskManagerTempDirectories() {
        return tempDirectories.clone();
    }
}
