package io.freshet.runtime.io.network.partition;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.clusterframework.types.ResourceID;

/**
 * Where one input channel reads from: a subpartition of a producer's partition, either on the consumer's own
 * TaskExecutor ({@link #local}) or on another one, reached at the producer's data address ({@link #remote}).
 * Plain, immutable data that the deployment descriptors carry.
 */
public final class InputChannelDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    /** Null for a local channel. */
    private final ResourceID producerResourceId;
    private final String producerHost;
    private final int producerDataPort;

    private InputChannelDescriptor(ResultPartitionID partitionId, int subpartitionIndex,
            ResourceID producerResourceId, String producerHost, int producerDataPort) {
        if (subpartitionIndex < 0) {
            throw new IllegalArgumentException("a subpartition index is never negative, got " + subpartitionIndex);
        }
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.subpartitionIndex = subpartitionIndex;
        this.producerResourceId = producerResourceId;
        this.producerHost = producerHost;
        this.producerDataPort = producerDataPort;
    }

    /** A channel reading a partition of a producer on the same TaskExecutor. */
    public static InputChannelDescriptor local(ResultPartitionID partitionId, int subpartitionIndex) {
        return new InputChannelDescriptor(partitionId, subpartitionIndex, null, null, -1);
    }

    /**
     * A channel reading a partition of the producer {@code producerResourceId}, whose shuffle server listens at
     * {@code host:dataPort}. A TaskExecutor that finds its own resource ID here reads locally instead.
     */
    public static InputChannelDescriptor remote(ResultPartitionID partitionId, int subpartitionIndex,
            ResourceID producerResourceId, String host, int dataPort) {
        if (dataPort < 1 || dataPort > 65535) {
            throw new IllegalArgumentException("data port " + dataPort + " of producer " + producerResourceId
                    + " is not a valid port");
        }
        return new InputChannelDescriptor(partitionId, subpartitionIndex, Objects.requireNonNull(producerResourceId),
                Objects.requireNonNull(host), dataPort);
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public int getSubpartitionIndex() {
        return subpartitionIndex;
    }

    public boolean isLocal() {
        return producerResourceId == null;
    }

    /** The producer's TaskExecutor, or null for a local channel. */
    public ResourceID getProducerResourceId() {
        return producerResourceId;
    }

    /** The producer's data host, or null for a local channel. */
    public String getProducerHost() {
        return producerHost;
    }

    /** The producer's data port, or -1 for a local channel. */
    public int getProducerDataPort() {
        return producerDataPort;
    }

    /** Where the producer lives, for error messages. */
    public String getProducerAddress() {
        return isLocal() ? "local" : producerResourceId + " @ " + producerHost + ":" + producerDataPort;
    }

    @Override
    public String toString() {
        return "InputChannelDescriptor[" + partitionId + ", subpartition " + subpartitionIndex + ", producer "
                + getProducerAddress() + "]";
    }
}
