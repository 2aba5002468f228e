package io.freshet.runtime.shuffle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.configuration.TaskManagerOptions;
import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.deployment.InputChannelDeploymentDescriptor;
import io.freshet.runtime.deployment.InputGateDeploymentDescriptor;
import io.freshet.runtime.deployment.ResultPartitionDeploymentDescriptor;
import io.freshet.runtime.executiongraph.ExecutionAttemptID;
import io.freshet.runtime.io.network.NettyShuffleEnvironment;
import io.freshet.runtime.io.network.api.writer.ResultPartitionWriter;
import io.freshet.runtime.io.network.partition.InputChannelDescriptor;
import io.freshet.runtime.io.network.partition.ResultPartitionDescriptor;
import io.freshet.runtime.io.network.partition.consumer.InputGate;

/**
 * The TaskExecutor's shuffle: a {@link NettyShuffleEnvironment} (network buffers, partitions, Netty server and
 * client) behind the {@link ShuffleEnvironment} SPI, translating deployment descriptors into partitions and
 * gates. A channel whose producer runs on this TaskExecutor reads locally, skipping Netty.
 */
public final class NettyShuffleServiceEnvironment implements ShuffleEnvironment {

    private final NettyShuffleEnvironment network;

    public NettyShuffleServiceEnvironment(NettyShuffleEnvironment network) {
        this.network = network;
    }

    /** A shuffle environment sized by {@code numberOfNetworkBuffers}, serving data on {@code host}. */
    public static NettyShuffleServiceEnvironment create(Configuration configuration, ResourceID resourceId, String host,
            int numberOfNetworkBuffers) throws IOException {
        return new NettyShuffleServiceEnvironment(new NettyShuffleEnvironment(configuration, resourceId, host,
                numberOfNetworkBuffers, configuration.get(TaskManagerOptions.NUM_TASK_SLOTS)));
    }

    public NettyShuffleEnvironment getNetworkEnvironment() {
        return network;
    }

    @Override
    public List<ResultPartitionWriter> createResultPartitionWriters(JobID jobId, ExecutionAttemptID producerId,
            List<ResultPartitionDeploymentDescriptor> descriptors) throws IOException {
        List<ResultPartitionWriter> writers = new ArrayList<>(descriptors.size());
        try {
            for (ResultPartitionDeploymentDescriptor descriptor : descriptors) {
                writers.add(network.createResultPartition(producerId.toString(), new ResultPartitionDescriptor(jobId,
                        descriptor.getPartitionId(), descriptor.getPartitionType(),
                        descriptor.getNumberOfSubpartitions())));
            }
        } catch (IOException | RuntimeException e) {
            for (ResultPartitionWriter writer : writers) {
                writer.fail(e);
            }
            throw e;
        }
        return writers;
    }

    @Override
    public List<InputGate> createInputGates(JobID jobId, ExecutionAttemptID consumerId,
            List<InputGateDeploymentDescriptor> descriptors) throws IOException {
        List<InputGate> gates = new ArrayList<>(descriptors.size());
        try {
            for (InputGateDeploymentDescriptor gate : descriptors) {
                List<InputChannelDescriptor> channels = new ArrayList<>(gate.getChannels().size());
                for (InputChannelDeploymentDescriptor channel : gate.getChannels()) {
                    channels.add(channel.getProducerLocation().equals(network.getResourceId())
                            ? InputChannelDescriptor.local(channel.getPartitionId(), channel.getSubpartitionIndex())
                            : InputChannelDescriptor.remote(channel.getPartitionId(), channel.getSubpartitionIndex(),
                                    channel.getProducerLocation(), channel.getDataHost(), channel.getDataPort()));
                }
                gates.add(network.createInputGate(consumerId.toString(), channels));
            }
        } catch (IOException | RuntimeException e) {
            for (InputGate gate : gates) {
                gate.close();
            }
            throw e;
        }
        return gates;
    }

    @Override
    public void releasePartitionsOfJob(JobID jobId) {
        network.releasePartitionsOfJob(jobId);
    }

    @Override
    public int getDataPort() {
        return network.getDataPort();
    }

    @Override
    public void close() {
        network.close();
    }
}
