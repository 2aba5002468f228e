package io.freshet.runtime.execution;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.freshet.api.common.JobID;
import io.freshet.api.common.TaskInfo;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.consumer.InputGate;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.runtime.memory.MemoryManager;

/**
 * What a running task sees of the TaskExecutor: who it is (job, vertex, attempt, {@link TaskInfo}), its
 * configuration and user payloads, its user-code class loader, managed memory, and its outputs and inputs.
 *
 * <p>Ownership: the writers and gates belong to the {@code Task}, which creates them before the invokable and
 * closes them after it, in every outcome; an invokable uses them but never closes them. Managed memory pages an
 * invokable allocates (with itself as owner) are released by the task when it ends, should the invokable forget.
 */
public interface Environment {

    JobID getJobID();

    JobVertexID getJobVertexId();

    ExecutionAttemptID getExecutionId();

    TaskInfo getTaskInfo();

    /** The job-wide configuration. A copy: changing it changes nothing else. */
    Configuration getJobConfiguration();

    /** The configuration of this task's vertex. A copy: changing it changes nothing else. */
    Configuration getTaskConfiguration();

    /** All user payloads of the vertex (serialized user functions and the like), by key. */
    Map<String, byte[]> getUserPayloads();

    /** The user payload stored under {@code key}, if any. */
    default Optional<byte[]> getUserPayload(String key) {
        return Optional.ofNullable(getUserPayloads().get(key));
    }

    /** Loads the job's classes: its jars first or the Freshet class path first, per {@code classloader.resolve-order}. */
    ClassLoader getUserCodeClassLoader();

    /** The TaskExecutor's managed memory. */
    MemoryManager getMemoryManager();

    /** The writer of the {@code index}-th partition the task produces, in deployment order. */
    ResultPartitionWriter getWriter(int index);

    List<ResultPartitionWriter> getAllWriters();

    /** The {@code index}-th input of the task, in deployment order. */
    InputGate getInputGate(int index);

    List<InputGate> getAllInputGates();

    /** Directories for the task's temporary files (spilling); at least one. */
    File[] getTaskManagerTempDirectories();

    /** Where the task's operators send events to their coordinators on the JobManager. */
    default io.freshet.runtime.jobgraph.tasks.TaskOperatorEventGateway getOperatorCoordinatorEventGateway() {
        throw new UnsupportedOperationException("This environment cannot reach operator coordinators.");
    }

    /** The state this task restores (from the latest completed checkpoint), or null for a fresh start. */
    default io.freshet.runtime.checkpoint.JobManagerTaskRestore getTaskRestore() {
        return null;
    }

    /** Where the task's checkpoint acknowledgements and declines go (its JobMaster's CheckpointCoordinator). */
    default io.freshet.runtime.checkpoint.CheckpointResponder getCheckpointResponder() {
        throw new UnsupportedOperationException("This environment takes no part in checkpoints.");
    }
}
