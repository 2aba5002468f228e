package io.freshet.runtime.io.network.partition;

import java.io.Serializable;
import java.util.Objects;

import io.freshet.api.common.JobID;

/**
 * What a TaskExecutor needs to create one result partition of a task it deploys: plain, immutable data that the
 * deployment descriptors carry.
 */
public final class ResultPartitionDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final JobID jobId;
    private final ResultPartitionID partitionId;
    private final ResultPartitionType partitionType;
    private final int numberOfSubpartitions;

    public ResultPartitionDescriptor(JobID jobId, ResultPartitionID partitionId, ResultPartitionType partitionType,
            int numberOfSubpartitions) {
        if (numberOfSubpartitions < 1) {
            throw new IllegalArgumentException("a result partition needs at least one subpartition, got "
                    + numberOfSubpartitions);
        }
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.partitionId = Objects.requireNonNull(partitionId, "partitionId");
        this.partitionType = Objects.requireNonNull(partitionType, "partitionType");
        this.numberOfSubpartitions = numberOfSubpartitions;
    }

    public JobID getJobId() {
        return jobId;
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

    @Override
    public String toString() {
        return "ResultPartitionDescriptor[" + partitionId + ", " + partitionType + ", " + numberOfSubpartitions
                + " subpartitions, job " + jobId + "]";
    }
}
