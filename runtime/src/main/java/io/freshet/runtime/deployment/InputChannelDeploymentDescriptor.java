package io.freshet.runtime.deployment;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.clusterframework.types.ResourceID;
import io.freshet.runtime.io.network.partition.ResultPartitionID;

/**
 * Where one input channel reads from: a subpartition of a producer's partition, on the producer's TaskExecutor.
 * When the producer runs on the consumer's own TaskExecutor (same resource id), the channel is local and skips
 * the network; otherwise it connects to {@code dataHost:dataPort}.
 */
public final class InputChannelDeploymentDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    private final ResourceID producerLocation;
    private final String dataHost;
    private final int dataPort;

    public InputChannelDeploymentDescriptor(ResultPartitionID partitionId, int subpartitionIndex,
            ResourceID producerLocation, String dataHost, int dataPort) {
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.subpartitionIndex = subpartitionIndex;
        this.producerLocation = Objects.requireNonNull(producerLocation, "producerLocation");
        this.dataHost = Objects.requireNonNull(dataHost, "dataHost");
        this.dataPort = dataPort;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public int getSubpartitionIndex() {
        return subpartitionIndex;
    }

    public ResourceID getProducerLocation() {
        return producerLocation;
    }

    public String getDataHost() {
        return dataHost;
    }

    public int getDataPort() {
        return dataPort;
    }

    @Override
    public String toString() {
        return "InputChannel(" + partitionId + "[" + subpartitionIndex + "] at " + producerLocation + " "
                + dataHost + ":" + dataPort + ")";
    }
}
