package io.freshet.runtime.jobgraph;

import io.freshet.configuration.Configuration;
import io.freshet.runtime.io.network.partition.ResultPartitionType;
import io.freshet.runtime.jobmanager.scheduler.CoLocationGroup;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import io.freshet.util.InstantiationUtil;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a {@link JobGraph}: a task that runs with some parallelism, reads the data sets of its input edges
 * and produces its own data sets.
 *
 * <p>The task's code is named, not loaded: {@link #getInvokableClassName()} is a class in the job's jars, loaded
 * by the TaskExecutor through the job's user-code class loader. The vertex's {@link #getConfiguration()} holds
 * plain settings for the task; serialized user objects (functions, serializers, ...) go into the named <em>user
 * payloads</em> ({@link #setUserPayload}), raw bytes beside the configuration, so that they are shipped verbatim
 * and only deserialized inside the task with the user-code class loader.
 *
 * <p>Setters do not check their arguments against each other (a parallelism above the max parallelism, say):
 * {@link JobGraph#validate()} checks the whole graph once it is built and names every problem it finds first.
 * Not thread-safe: a vertex is built by one thread, then only read.
 */
public class JobVertex implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Max parallelism not set: the runtime derives it from the parallelism (see {@link #getEffectiveMaxParallelism}). */
    public static final int MAX_PARALLELISM_DEFAULT = -1;

    /** The highest max parallelism (number of key groups) a vertex may have. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    /** The smallest max parallelism derived for a vertex whose max parallelism is not set. */
    public static final int DEFAULT_LOWER_BOUND_MAX_PARALLELISM = 1 << 7;

    private final JobVertexID id;
    private String name;
    private String invokableClassName;
    private int parallelism = 1;
    private int maxParallelism = MAX_PARALLELISM_DEFAULT;
    private final Configuration configuration = new Configuration();
    private final Map<String, byte[]> userPayloads = new LinkedHashMap<>();
    private SlotSharingGroup slotSharingGroup;
    private CoLocationGroup coLocationGroup;
    private final List<IntermediateDataSet> results = new ArrayList<>();
    private final List<JobEdge> inputs = new ArrayList<>();

    /** Creates a vertex with a random ID. */
    public JobVertex(String name) {
        this(name, new JobVertexID());
    }

    /** Creates a vertex with the given ID (stable IDs let savepoints map state to vertices). */
    public JobVertex(String name, JobVertexID id) {
        this.name = name == null ? "(unnamed vertex)" : name;
        this.id = Objects.requireNonNull(id, "id");
    }

    // ---- identity and code ----

    public JobVertexID getID() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Returns the fully qualified name of the task class, or null if not set yet. */
    public String getInvokableClassName() {
        return invokableClassName;
    }

    /** Sets the fully qualified name of the task class; it is loaded from the job's jars on the TaskExecutor. */
    public void setInvokableClassName(String invokableClassName) {
        this.invokableClassName = invokableClassName;
    }

    // ---- parallelism ----

    /** Returns the number of parallel subtasks; 1 unless set. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Returns the max parallelism as set, or {@link #MAX_PARALLELISM_DEFAULT} if not set. */
    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** Sets the upper bound for rescaling this vertex (its number of key groups). */
    public void setMaxParallelism(int maxParallelism) {
        this.maxParallelism = maxParallelism;
    }

    /**
     * Returns the max parallelism as set or, if not set, one and a half times the parallelism rounded up to a power
     * of two, within {@code [128, 32768]}.
     */
    public int getEffectiveMaxParallelism() {
        if (maxParallelism != MAX_PARALLELISM_DEFAULT) {
            return maxParallelism;
        }
        long wanted = Math.max(1, (long) parallelism + parallelism / 2);
        long powerOfTwo = Long.highestOneBit(wanted - 1) << 1;
        if (wanted == 1) {
            powerOfTwo = 1;
        }
        return (int) Math.min(Math.max(powerOfTwo, DEFAULT_LOWER_BOUND_MAX_PARALLELISM), UPPER_BOUND_MAX_PARALLELISM);
    }

    // ---- configuration and user payloads ----

    /** Returns the task's configuration, to read and modify in place. */
    public Configuration getConfiguration() {
        return configuration;
    }

    /** Stores a copy of {@code payload} under {@code key}, replacing an earlier payload with that key. */
    public void setUserPayload(String key, byte[] payload) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        userPayloads.put(key, payload.clone());
    }

    /** Returns a copy of the payload stored under {@code key}, if any. */
    public Optional<byte[]> getUserPayload(String key) {
        byte[] payload = userPayloads.get(key);
        return payload == null ? Optional.empty() : Optional.of(payload.clone());
    }

    /** Removes the payload stored under {@code key}; returns whether there was one. */
    public boolean removeUserPayload(String key) {
        return userPayloads.remove(key) != null;
    }

    /** Returns the keys of all payloads in the order they were first stored; a read-only view. */
    public Set<String> getUserPayloadKeys() {
        return Collections.unmodifiableSet(userPayloads.keySet());
    }

    /**
     * Stores {@code object} Java-serialized as the payload {@code key}: the way user functions travel to their
     * tasks (Flink's {@code InstantiationUtil.writeObjectToConfig}).
     */
    public void setUserObject(String key, Object object) throws IOException {
        setUserPayload(key, InstantiationUtil.serializeObject(object));
    }

    /**
     * Reads the payload {@code key} back as an object whose classes are resolved through {@code userClassLoader}.
     *
     * @return the object, or empty if there is no such payload
     */
    public <T> Optional<T> getUserObject(String key, ClassLoader userClassLoader)
            throws IOException, ClassNotFoundException {
        byte[] payload = userPayloads.get(key);
        if (payload == null) {
            return Optional.empty();
        }
        return Optional.of(InstantiationUtil.deserializeObject(payload, userClassLoader));
    }

    // ---- slot sharing and co-location ----

    /** Puts this vertex into {@code group} (leaving its previous group), or into no group when null. */
    public void setSlotSharingGroup(SlotSharingGroup group) {
        if (slotSharingGroup != null) {
            slotSharingGroup.removeVertexFromGroup(id);
        }
        slotSharingGroup = group;
        if (group != null) {
            group.addVertexToGroup(id);
        }
    }

    /** Returns the slot sharing group, or null if the vertex has none. */
    public SlotSharingGroup getSlotSharingGroup() {
        return slotSharingGroup;
    }

    /**
     * Requires subtask {@code i} of this vertex to run in the same slot as subtask {@code i} of {@code other}.
     *
     * @throws IllegalArgumentException if the two vertices are not in the same slot sharing group
     */
    public void setStrictlyCoLocatedWith(JobVertex other) {
        if (slotSharingGroup == null || slotSharingGroup != other.slotSharingGroup) {
            throw new IllegalArgumentException("Vertices '" + name + "' and '" + other.name
                    + "' can only be co-located when they are in the same slot sharing group;"
                    + " call setSlotSharingGroup with one group on both first.");
        }
        CoLocationGroup thisGroup = coLocationGroup;
        CoLocationGroup otherGroup = other.coLocationGroup;
        if (thisGroup == null && otherGroup == null) {
            CoLocationGroup group = new CoLocationGroup();
            group.addVertex(id);
            group.addVertex(other.id);
            coLocationGroup = group;
            other.coLocationGroup = group;
        } else if (thisGroup == null) {
            otherGroup.addVertex(id);
            coLocationGroup = otherGroup;
        } else if (otherGroup == null || otherGroup == thisGroup) {
            thisGroup.addVertex(other.id);
            other.coLocationGroup = thisGroup;
        } else {
            throw new IllegalArgumentException("Vertices '" + name + "' and '" + other.name
                    + "' are already in different co-location groups; co-locate each vertex with one group only.");
        }
    }

    /** Returns the co-location group, or null if the vertex has none. */
    public CoLocationGroup getCoLocationGroup() {
        return coLocationGroup;
    }

    /** Sets the co-location group as read back from a serialized graph; the group must list this vertex. */
    void setCoLocationGroup(CoLocationGroup group) {
        this.coLocationGroup = group;
    }

    // ---- data sets and edges ----

    /** Returns the data sets this vertex produces, in creation order; a read-only view. */
    public List<IntermediateDataSet> getProducedDataSets() {
        return Collections.unmodifiableList(results);
    }

    /** Returns the input edges, in connection order (the task sees its inputs in this order); a read-only view. */
    public List<JobEdge> getInputs() {
        return Collections.unmodifiableList(inputs);
    }

    public int getNumberOfProducedIntermediateDataSets() {
        return results.size();
    }

    public int getNumberOfInputs() {
        return inputs.size();
    }

    /**
     * Returns the data set of this vertex with ID {@code id}, creating it with type {@code partitionType} if there
     * is none.
     *
     * @throws IllegalArgumentException if the data set exists with another partition type
     */
    public IntermediateDataSet getOrCreateResultDataSet(IntermediateDataSetID id, ResultPartitionType partitionType) {
        for (IntermediateDataSet result : results) {
            if (result.getId().equals(id)) {
                if (result.getResultType() != partitionType) {
                    throw new IllegalArgumentException("Data set " + id + " of vertex '" + name + "' is "
                            + result.getResultType() + ", not " + partitionType);
                }
                return result;
            }
        }
        IntermediateDataSet result = new IntermediateDataSet(id, partitionType, this);
        results.add(result);
        return result;
    }

    /**
     * Makes {@code upstream} produce a new data set of type {@code partitionType} and connects it as the next
     * input of this vertex.
     *
     * @return the new edge
     */
    public JobEdge connectNewDataSetAsInput(
            JobVertex upstream, DistributionPattern distributionPattern, ResultPartitionType partitionType) {
        return connectNewDataSetAsInput(upstream, distributionPattern, partitionType, new IntermediateDataSetID());
    }

    /** As {@link #connectNewDataSetAsInput(JobVertex, DistributionPattern, ResultPartitionType)}, with a given ID. */
    public JobEdge connectNewDataSetAsInput(
            JobVertex upstream,
            DistributionPattern distributionPattern,
            ResultPartitionType partitionType,
            IntermediateDataSetID dataSetId) {
        IntermediateDataSet dataSet = upstream.getOrCreateResultDataSet(dataSetId, partitionType);
        return connectDataSetAsInput(dataSet, distributionPattern);
    }

    /** Connects an existing data set (of any vertex) as the next input of this vertex; returns the new edge. */
    public JobEdge connectDataSetAsInput(IntermediateDataSet dataSet, DistributionPattern distributionPattern) {
        JobEdge edge = new JobEdge(dataSet, this, distributionPattern);
        inputs.add(edge);
        dataSet.addConsumer(edge);
        return edge;
    }

    /** Returns whether the vertex has no inputs (a source). */
    public boolean isInputVertex() {
        return inputs.isEmpty();
    }

    /** Returns whether nothing reads the vertex's output (a sink). */
    public boolean isOutputVertex() {
        for (IntermediateDataSet result : results) {
            if (!result.getConsumers().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether any data set of this vertex is exchanged BLOCKING. */
    public boolean isAnyOutputBlocking() {
        for (IntermediateDataSet result : results) {
            if (result.getResultType().isBlocking()) {
                return true;
            }
        }
        return false;
    }

    /** Returns {@code 'name' (id)}, the form error messages use. */
    String describe() {
        return "'" + name + "' (" + id + ")";
    }

    @Override
    public String toString() {
        return name + " (" + invokableClassName + ")";
    }
}
