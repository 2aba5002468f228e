package io.freshet.runtime.deployment;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.runtime.io.network.partition.ResultPartitionID;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobgraph.IntermediateDataSetID;

/**
 * A partition a task produces: one per produced data set, with one subpartition per consumer subtask it feeds
 * (ALL_TO_ALL: every consumer; POINTWISE: the consumers the pointwise rule assigns to this producer).
 */
public final class ResultPartitionDeploymentDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateDataSetID dataSetId;
    private final ResultPartitionID partitionId;
    private final ResultPartitionType partitionType;
    private final int numberOfSubpartitions;
    private final int maxParallelism;

    public ResultPartitionDeploymentDescriptor(IntermediateDataSetID dataSetId, ResultPartitionID partitionId,
            ResultPartitionType partitionType, int numberOfSubpartitions, int maxParallelism) {
        this.dataSetId = Objects.requireNonNull(dataSetId, "dataSetId");
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.partitionType = Objects.requireNonNull(partitionType, "partitionType");
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("a partition has at least one subpartition, not " + numberOfSubpartitions);
        }
        this.numberOfSubpartitions = numberOfSubpartitions;
        this.maxParallelism = maxParallelism;
    }

    public IntermediateDataSetID getDataSetId() {
        return dataSetId;
    }

    public ResultPartitionID getPartitionId() {
        return partitionId;
    }

    public ResultPartitionType getPartitionType() {
        return partitionType;
    }

    public int getNumberOfSubpartitions() {
        return numberOfSubpartitions;
    }

    /** The max parallelism of the consumers (key groups for hash partitioning). */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public String toString() {
        return "ResultPartition(" + partitionId + ", " + partitionType + ", " + numberOfSubpartitions + " subpartitions)";
    }
}
