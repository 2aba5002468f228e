package io.freshet.runtime.deployment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.IntermediateDataSetID;

/** One input of a task: the data set it consumes and one channel per producer subpartition it reads. */
public final class InputGateDeploymentDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateDataSetID consumedDataSetId;
    private final ResultPartitionType consumedPartitionType;
    private final List<InputChannelDeploymentDescriptor> channels;

    public InputGateDeploymentDescriptor(IntermediateDataSetID consumedDataSetId,
            ResultPartitionType consumedPartitionType, List<InputChannelDeploymentDescriptor> channels) {
        this.consumedDataSetId = Objects.requireNonNull(consumedDataSetId, "consumedDataSetId");
        this.consumedPartitionType = Objects.requireNonNull(consumedPartitionType, "consumedPartitionType");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an input gate needs at least one channel");
        }
        this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
    }

    public IntermediateDataSetID getConsumedDataSetId() {
        return consumedDataSetId;
    }

    public ResultPartitionType getConsumedPartitionType() {
        return consumedPartitionType;
    }

    public List<InputChannelDeploymentDescriptor> getChannels() {
        return channels;
    }

    @Override
    public String toString() {
        return "InputGate(" + consumedDataSetId + ", " + channels.size() + " channels)";
    }
}
