package io.freshet.runtime.scheduler.strategy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Subtasks that must run at the same time because they exchange data through pipelined partitions: they are
 * scheduled together and, on failure, restarted together. Built by {@link PipelinedRegionTopology}.
 *
 * <p>A region depends on the regions that produce BLOCKING partitions it reads ({@link #getProducerRegions()});
 * it may start once all of them have finished. Regions and their dependencies form a DAG.
 */
public final class PipelinedRegion {

    private final int index;
    private final List<ExecutionVertexID> vertices;
    private final Set<ExecutionVertexID> vertexSet;
    private final Set<PipelinedRegion> producerRegions = new LinkedHashSet<>();
    private final Set<PipelinedRegion> consumerRegions = new LinkedHashSet<>();

    PipelinedRegion(int index, List<ExecutionVertexID> vertices) {
        this.index = index;
        this.vertices = List.copyOf(vertices);
        this.vertexSet = Set.copyOf(vertices);
    }

    /** Returns the position of this region in {@link PipelinedRegionTopology#getAllPipelinedRegions()}. */
    public int getIndex() {
        return index;
    }

    /** Returns the subtasks of this region, in topological order of their job vertices, then by subtask index. */
    public List<ExecutionVertexID> getVertices() {
        return vertices;
    }

    public boolean contains(ExecutionVertexID vertex) {
        return vertexSet.contains(vertex);
    }

    /** Returns the regions whose BLOCKING output this region reads: all must finish before it starts. */
    public Set<PipelinedRegion> getProducerRegions() {
        return Collections.unmodifiableSet(producerRegions);
    }

    /** Returns the regions that read this region's BLOCKING output. */
    public Set<PipelinedRegion> getConsumerRegions() {
        return Collections.unmodifiableSet(consumerRegions);
    }

    void addProducerRegion(PipelinedRegion producer) {
        producerRegions.add(producer);
        producer.consumerRegions.add(this);
    }

    @Override
    public String toString() {
        return "PipelinedRegion#" + index + vertices;
    }
}
