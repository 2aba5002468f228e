package io.freshet.runtime.jobgraph;

import io.freshet.runtime.io.network.partition.ResultPartitionType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The result one job vertex (its producer) produces, read by zero or more consumer edges. At runtime each producer
 * subtask writes one partition of it, exchanged as its {@link ResultPartitionType} says.
 */
public class IntermediateDataSet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final IntermediateDataSetID id;
    private final JobVertex producer;
    private final ResultPartitionType resultType;
    private final List<JobEdge> consumers = new ArrayList<>();

    public IntermediateDataSet(IntermediateDataSetID id, ResultPartitionType resultType, JobVertex producer) {
        this.id = Objects.requireNonNull(id, "id");
        this.resultType = Objects.requireNonNull(resultType, "resultType");
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    public IntermediateDataSetID getId() {
        return id;
    }

    public JobVertex getProducer() {
        return producer;
    }

    public ResultPartitionType getResultType() {
        return resultType;
    }

    /** Returns the edges reading this data set, in the order they were connected; a read-only view. */
    public List<JobEdge> getConsumers() {
        return Collections.unmodifiableList(consumers);
    }

    /** Adds a consumer edge; {@link JobVertex#connectNewDataSetAsInput} does this for you. */
    public void addConsumer(JobEdge edge) {
        consumers.add(Objects.requireNonNull(edge, "edge"));
    }

    /** Puts the consumers in the given order; {@code ordered} must hold exactly the current consumers. */
    void reorderConsumers(List<JobEdge> ordered) {
        if (ordered.size() != consumers.size() || !consumers.containsAll(ordered)) {
            throw new IllegalArgumentException("The new order must hold exactly the consumers of data set " + id);
        }
        consumers.clear();
        consumers.addAll(ordered);
    }

    @Override
    public String toString() {
        return "Intermediate Data Set (" + id + ", " + resultType + ", produced by '" + producer.getName() + "')";
    }
}
