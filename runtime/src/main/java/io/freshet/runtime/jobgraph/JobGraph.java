package io.freshet.runtime.jobgraph;

import io.freshet.api.common.JobID;
import io.freshet.configuration.Configuration;
import io.freshet.runtime.jobmanager.scheduler.CoLocationGroup;
import io.freshet.runtime.jobmanager.scheduler.SlotSharingGroup;
import java.io.Serializable;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The contract between client and cluster: the vertices of a job with their code, parallelism and configuration,
 * the data sets they exchange, and what the job needs to run (user jars, classpaths, job configuration).
 *
 * <p>Vertices keep insertion order; {@link #getVertices()} returns them in that order. Vertex IDs are unique
 * within a graph: adding a second vertex with an ID already present fails at once. Everything else is checked by
 * {@link #validate()}, which the client calls before submission and the Dispatcher again on receipt. A graph is
 * shipped as bytes by {@link JobGraphSerializer}.
 *
 * <p>Not thread-safe: a graph is built by one thread, then only read.
 */
public class JobGraph implements Serializable, io.freshet.api.dag.Pipeline {

    private static final long serialVersionUID = 1L;

    private JobID jobID;
    private final String jobName;
    private JobType jobType = JobType.BATCH;
    private final Map<JobVertexID, JobVertex> taskVertices = new LinkedHashMap<>();
    private Configuration jobConfiguration = new Configuration();
    private final List<String> userJars = new ArrayList<>();
    private final List<String> userJarBlobKeys = new ArrayList<>();
    private List<URL> classpaths = Collections.emptyList();
    private SavepointRestoreSettings savepointRestoreSettings = SavepointRestoreSettings.none();

    /** Creates an empty graph with a random job ID. */
    public JobGraph(String jobName) {
        this(null, jobName);
    }

    /** Creates an empty graph; a null {@code jobId} is replaced by a random one. */
    public JobGraph(JobID jobId, String jobName) {
        this.jobID = jobId == null ? JobID.generate() : jobId;
        this.jobName = jobName == null ? "(unnamed job)" : jobName;
    }

    /** Creates a graph of the given vertices, added in order. */
    public JobGraph(JobID jobId, String jobName, JobVertex... vertices) {
        this(jobId, jobName);
        for (JobVertex vertex : vertices) {
            addVertex(vertex);
        }
    }

    // ---- job properties ----

    public JobID getJobID() {
        return jobID;
    }

    public void setJobID(JobID jobID) {
        this.jobID = Objects.requireNonNull(jobID, "jobID");
    }

    public String getName() {
        return jobName;
    }

    /** Returns BATCH unless set. */
    public JobType getJobType() {
        return jobType;
    }

    public void setJobType(JobType jobType) {
        this.jobType = Objects.requireNonNull(jobType, "jobType");
    }

    /** Returns the job's configuration (options that override the cluster's for this job), to read or modify. */
    public Configuration getJobConfiguration() {
        return jobConfiguration;
    }

    public void setJobConfiguration(Configuration jobConfiguration) {
        this.jobConfiguration = Objects.requireNonNull(jobConfiguration, "jobConfiguration");
    }

    public SavepointRestoreSettings getSavepointRestoreSettings() {
        return savepointRestoreSettings;
    }

    public void setSavepointRestoreSettings(SavepointRestoreSettings settings) {
        this.savepointRestoreSettings = Objects.requireNonNull(settings, "settings");
    }

    // ---- user code ----

    /** Adds the path of a jar with the job's code, as the client sees it; adding a path twice has no effect. */
    public void addJar(String jarPath) {
        Objects.requireNonNull(jarPath, "jarPath");
        if (!userJars.contains(jarPath)) {
            userJars.add(jarPath);
        }
    }

    /** Returns the jar paths in the order they were added; a read-only view. */
    public List<String> getUserJars() {
        return Collections.unmodifiableList(userJars);
    }

    /**
     * Replaces the jar paths, for a JobManager that stored the uploaded jars where its TaskExecutors read them.
     */
    public void setJars(List<String> jarPaths) {
        userJars.clear();
        for (String jar : jarPaths) {
            addJar(jar);
        }
    }

    /** Adds the BlobServer key of an uploaded user jar; adding a key twice has no effect. */
    public void addUserJarBlobKey(String blobKey) {
        Objects.requireNonNull(blobKey, "blobKey");
        if (!userJarBlobKeys.contains(blobKey)) {
            userJarBlobKeys.add(blobKey);
        }
    }

    /** Returns the blob keys of the user jars in the order they were added; a read-only view. */
    public List<String> getUserJarBlobKeys() {
        return Collections.unmodifiableList(userJarBlobKeys);
    }

    /** Returns whether the job has user jars, either as paths or as blob keys. */
    public boolean hasUsercodeJarFiles() {
        return !userJars.isEmpty() || !userJarBlobKeys.isEmpty();
    }

    /** Sets extra classpath entries every TaskExecutor can reach (shared storage); they join the user class loader. */
    public void setClasspaths(List<URL> classpaths) {
        this.classpaths = List.copyOf(classpaths);
    }

    public List<URL> getClasspaths() {
        return classpaths;
    }

    // ---- vertices ----

    /**
     * Adds a vertex. Adding the same vertex object again has no effect.
     *
     * @throws InvalidJobGraphException if another vertex with the same ID is in the graph
     */
    public void addVertex(JobVertex vertex) {
        JobVertex previous = taskVertices.putIfAbsent(vertex.getID(), vertex);
        if (previous != null && previous != vertex) {
            throw new InvalidJobGraphException(describeJob() + ": vertices " + previous.describe() + " and '"
                    + vertex.getName() + "' have the same ID " + vertex.getID()
                    + ". Every vertex needs its own ID: create each JobVertex with a fresh JobVertexID.");
        }
    }

    /** Returns the vertices in insertion order; a read-only view. */
    public Iterable<JobVertex> getVertices() {
        return Collections.unmodifiableCollection(taskVertices.values());
    }

    public JobVertex[] getVerticesAsArray() {
        return taskVertices.values().toArray(new JobVertex[0]);
    }

    public int getNumberOfVertices() {
        return taskVertices.size();
    }

    /** Returns the vertex with ID {@code id}, or null if there is none. */
    public JobVertex findVertexByID(JobVertexID id) {
        return taskVertices.get(id);
    }

    /** Returns whether {@code vertex} itself (not only a vertex with its ID) is in this graph. */
    boolean containsVertex(JobVertex vertex) {
        return taskVertices.get(vertex.getID()) == vertex;
    }

    /** Returns the slot sharing groups of the vertices, in order of first appearance. */
    public Set<SlotSharingGroup> getSlotSharingGroups() {
        Set<SlotSharingGroup> groups = new LinkedHashSet<>();
        for (JobVertex vertex : taskVertices.values()) {
            if (vertex.getSlotSharingGroup() != null) {
                groups.add(vertex.getSlotSharingGroup());
            }
        }
        return groups;
    }

    /** Returns the co-location groups of the vertices, in order of first appearance. */
    public Set<CoLocationGroup> getCoLocationGroups() {
        Set<CoLocationGroup> groups = new LinkedHashSet<>();
        for (JobVertex vertex : taskVertices.values()) {
            if (vertex.getCoLocationGroup() != null) {
                groups.add(vertex.getCoLocationGroup());
            }
        }
        return groups;
    }

    /** Returns the highest parallelism of any vertex, or -1 for an empty graph. */
    public int getMaximumParallelism() {
        int max = -1;
        for (JobVertex vertex : taskVertices.values()) {
            max = Math.max(max, vertex.getParallelism());
        }
        return max;
    }

    // ---- structure ----

    /**
     * Returns the vertices ordered so that every vertex comes after the producers of all its inputs. Sources come
     * first in insertion order; the order is deterministic for a given graph. Inputs whose producer is not in the
     * graph are ignored here ({@link #validate()} reports them).
     *
     * @throws InvalidJobGraphException if the graph has a cycle; the message lists the vertices on it
     */
    public List<JobVertex> getVerticesSortedTopologicallyFromSources() {
        Map<JobVertex, Integer> pendingInputs = new HashMap<>();
        Deque<JobVertex> ready = new ArrayDeque<>();
        for (JobVertex vertex : taskVertices.values()) {
            int count = 0;
            for (JobEdge input : vertex.getInputs()) {
                if (containsVertex(input.getSource().getProducer())) {
                    count++;
                }
            }
            pendingInputs.put(vertex, count);
            if (count == 0) {
                ready.add(vertex);
            }
        }
        List<JobVertex> sorted = new ArrayList<>(taskVertices.size());
        while (!ready.isEmpty()) {
            JobVertex vertex = ready.poll();
            sorted.add(vertex);
            for (IntermediateDataSet result : vertex.getProducedDataSets()) {
                for (JobEdge consumer : result.getConsumers()) {
                    JobVertex target = consumer.getTarget();
                    if (!containsVertex(target)) {
                        continue;
                    }
                    int left = pendingInputs.merge(target, -1, Integer::sum);
                    if (left == 0) {
                        ready.add(target);
                    }
                }
            }
        }
        if (sorted.size() < taskVertices.size()) {
            throw new InvalidJobGraphException(describeJob() + " has a cycle: " + describeCycle(pendingInputs)
                    + ". A job graph must be acyclic: remove one of these edges (iterations need feedback"
                    + " channels, not edges).");
        }
        return sorted;
    }

    /** Finds one cycle among the vertices still waiting for inputs and prints it as 'a' -> 'b' -> 'a'. */
    private String describeCycle(Map<JobVertex, Integer> pendingInputs) {
        // Every waiting vertex has an input from another waiting vertex, so walking backwards along such inputs
        // must revisit a vertex; the walk from the first revisit onwards is a cycle.
        JobVertex current = null;
        for (JobVertex vertex : taskVertices.values()) {
            if (pendingInputs.get(vertex) > 0) {
                current = vertex;
                break;
            }
        }
        List<JobVertex> walk = new ArrayList<>();
        Map<JobVertex, Integer> positionInWalk = new HashMap<>();
        while (!positionInWalk.containsKey(current)) {
            positionInWalk.put(current, walk.size());
            walk.add(current);
            current = waitingProducerOf(current, pendingInputs);
        }
        List<JobVertex> cycle = new ArrayList<>(walk.subList(positionInWalk.get(current), walk.size()));
        Collections.reverse(cycle); // the walk went from consumers to producers
        // Start at the vertex added first, so the message is the same however the walk began.
        List<JobVertex> insertionOrder = new ArrayList<>(taskVertices.values());
        JobVertex first = Collections.min(cycle, (x, y) -> insertionOrder.indexOf(x) - insertionOrder.indexOf(y));
        Collections.rotate(cycle, -cycle.indexOf(first));
        StringBuilder text = new StringBuilder();
        for (JobVertex vertex : cycle) {
            text.append(vertex.describe()).append(" -> ");
        }
        return text.append(cycle.get(0).describe()).toString();
    }

    private JobVertex waitingProducerOf(JobVertex vertex, Map<JobVertex, Integer> pendingInputs) {
        for (JobEdge input : vertex.getInputs()) {
            JobVertex producer = input.getSource().getProducer();
            if (containsVertex(producer) && pendingInputs.get(producer) > 0) {
                return producer;
            }
        }
        throw new IllegalStateException("Vertex " + vertex.describe() + " waits for no input; not on a cycle");
    }

    /**
     * Checks that the graph can run, in this order: each vertex has an invokable class name and a parallelism in
     * {@code [1, max parallelism]}; every edge connects two vertices of this graph; the graph is acyclic.
     *
     * @throws InvalidJobGraphException at the first problem, naming the job, the vertex and what to fix
     */
    public void validate() throws InvalidJobGraphException {
        JobGraphValidator.validate(this);
    }

    /** Returns {@code Job 'name' (id)}, the prefix of error messages about this graph. */
    String describeJob() {
        return "Job '" + jobName + "' (" + jobID + ")";
    }

    @Override
    public String toString() {
        return "JobGraph(jobId: " + jobID + ")";
    }
}
