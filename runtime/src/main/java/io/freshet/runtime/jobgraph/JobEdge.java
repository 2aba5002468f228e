package io.freshet.runtime.jobgraph;

import java.io.Serializable;
import java.util.Objects;

/**
 * Connects an {@link IntermediateDataSet} to a job vertex that reads it, with the {@link DistributionPattern} that
 * says which producer subtasks each consumer subtask reads.
 */
public class JobEdge implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateDataSet source;
    private final JobVertex target;
    private final DistributionPattern distributionPattern;
    private String shipStrategyName;

    public JobEdge(IntermediateDataSet source, JobVertex target, DistributionPattern distributionPattern) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.distributionPattern = Objects.requireNonNull(distributionPattern, "distributionPattern");
    }

    public IntermediateDataSet getSource() {
        return source;
    }

    public IntermediateDataSetID getSourceId() {
        return source.getId();
    }

    public JobVertex getTarget() {
        return target;
    }

    public DistributionPattern getDistributionPattern() {
        return distributionPattern;
    }

    /** Returns the name of the partitioner shown in the Web UI (such as {@code "HASH"}), or null. */
    public String getShipStrategyName() {
        return shipStrategyName;
    }

    public void setShipStrategyName(String shipStrategyName) {
        this.shipStrategyName = shipStrategyName;
    }

    @Override
    public String toString() {
        return "JobEdge('" + source.getProducer().getName() + "' -> '" + target.getName() + "', "
                + distributionPattern + ", " + source.getResultType() + ")";
    }
}
