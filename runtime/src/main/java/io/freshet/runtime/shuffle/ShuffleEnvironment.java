package io.freshet.runtime.shuffle;

import java.io.IOException;
import java.util.List;

import io.freshet.api.common.JobID;
import io.freshet.runtime.deployment.InputGateDeploymentDescriptor;
import io.freshet.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.consumer.InputGate;

/**
 * The TaskExecutor's side of the shuffle: it turns a task's deployment descriptors into the writers of the
 * partitions the task produces and the gates of the partitions it reads, and serves produced partitions to
 * consumers on other TaskExecutors (at {@link #getDataPort()}).
 *
 * <p>Ownership law: writers and gates created here belong to the task they were created for, which closes them
 * when it ends (see {@link ResultPartitionWriter} and {@link InputGate}). Partition <em>data</em> a BLOCKING
 * partition keeps for later consumers outlives its producer and is released when consumed or by
 * {@link #releasePartitionsOfJob} when the job leaves this TaskExecutor. Creation runs on the TaskExecutor's main
 * thread and must not block on the network; the methods are thread-safe.
 */
public interface ShuffleEnvironment extends AutoCloseable {

    /** One writer per descriptor, in the same order. */
    List<ResultPartitionWriter> createResultPartitionWriters(JobID jobId, ExecutionAttemptID producerId,
            List<ResultPartitionDeploymentDescriptor> descriptors) throws IOException;

    /** One gate per descriptor, in the same order. */
    List<InputGate> createInputGates(JobID jobId, ExecutionAttemptID consumerId,
            List<InputGateDeploymentDescriptor> descriptors) throws IOException;

    /** Releases every partition of {@code jobId} still held here; the job left this TaskExecutor. */
    void releasePartitionsOfJob(JobID jobId);

    /** The port the shuffle server listens on for remote consumers, or -1 if there is none. */
    int getDataPort();

    /** Releases all partitions and stops the shuffle server. */
    @Override
    void close() throws Exception;
}
