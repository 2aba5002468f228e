package io.freshet.runtime.scheduler.strategy;

import io.freshet.runtime.jobgraph.DistributionPattern;
import io.freshet.runtime.jobgraph.JobEdge;
import io.freshet.runtime.jobgraph.JobGraph;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pipelined regions of a job at the level of subtasks ({@link ExecutionVertexID}s).
 *
 * <h2>How regions are formed</h2>
 *
 * <ol>
 *   <li>Two subtasks are connected when one reads the other's output through a PIPELINED or PIPELINED_BOUNDED
 *       data set: with ALL_TO_ALL every producer subtask is connected to every consumer subtask; with POINTWISE
 *       only the pairs of the pointwise rule (see {@link DistributionPattern#POINTWISE}). Connected subtasks, and
 *       all subtasks connected to them, form one region. BLOCKING data sets connect nothing.
 *   <li>A region depends on every other region that produces a BLOCKING data set it reads. If dependencies form a
 *       cycle (region A reads a blocking output of B while B reads one of A; possible when a region mixes
 *       pipelined and blocking inputs), no region of the cycle could start before the others finished, so the
 *       regions of each cycle are merged into one. Afterwards the dependencies form a DAG.
 * </ol>
 *
 * A region may thus contain a BLOCKING exchange between its own subtasks; its consumer then waits for the data
 * inside the running region. {@link #getAllPipelinedRegions()} lists regions in a scheduling order: each after all
 * regions it depends on, ties broken by the topological position of the regions' first subtasks. Immutable.
 */
public final class PipelinedRegionTopology {

    private final List<PipelinedRegion> regions;
    private final Map<ExecutionVertexID, PipelinedRegion> regionByVertex;

    private PipelinedRegionTopology(List<PipelinedRegion> regions) {
        this.regions = Collections.unmodifiableList(regions);
        Map<ExecutionVertexID, PipelinedRegion> byVertex = new HashMap<>();
        for (PipelinedRegion region : regions) {
            for (ExecutionVertexID vertex : region.getVertices()) {
                byVertex.put(vertex, region);
            }
        }
        this.regionByVertex = byVertex;
    }

    /** Computes the regions of {@code graph} with the parallelism of each of its vertices. */
    public static PipelinedRegionTopology fromJobGraph(JobGraph graph) {
        return fromJobGraph(graph, Collections.emptyMap());
    }

    /**
     * Computes the regions of {@code graph}, with the parallelism of the vertices in {@code parallelisms} taken from
     * there (for example as decided by the scheduler) and of the others from the graph.
     *
     * @throws io.freshet.runtime.jobgraph.InvalidJobGraphException if the graph has a cycle
     * @throws IllegalArgumentException if a parallelism is below 1
     */
    public static PipelinedRegionTopology fromJobGraph(JobGraph graph, Map<JobVertexID, Integer> parallelisms) {
        return new Builder(graph, parallelisms).build();
    }

    /** Returns all regions in scheduling order (see the class comment). */
    public List<PipelinedRegion> getAllPipelinedRegions() {
        return regions;
    }

    /**
     * Returns the region of {@code vertex}.
     *
     * @throws IllegalArgumentException if the subtask is not part of this topology
     */
    public PipelinedRegion getPipelinedRegionOfVertex(ExecutionVertexID vertex) {
        PipelinedRegion region = regionByVertex.get(vertex);
        if (region == null) {
            throw new IllegalArgumentException("Subtask " + vertex + " is not part of this job's topology");
        }
        return region;
    }

    /** Returns the regions that depend on no other region: they can start at once. */
    public List<PipelinedRegion> getSourceRegions() {
        List<PipelinedRegion> sources = new ArrayList<>();
        for (PipelinedRegion region : regions) {
            if (region.getProducerRegions().isEmpty()) {
                sources.add(region);
            }
        }
        return sources;
    }

    // ---- computation ----

    /** One computation over a graph; subtasks are numbered densely in topological order of their job vertices. */
    private static final class Builder {

        private final List<JobVertex> vertices;
        private final Map<JobVertexID, Integer> firstIndex = new HashMap<>();
        private final Map<JobVertexID, Integer> parallelism = new HashMap<>();
        private final List<ExecutionVertexID> subtasks = new ArrayList<>();
        private final UnionFind pipelined;
        /** Blocking reads as pairs {producer subtask, consumer subtask}; all-to-all reads kept per edge. */
        private final List<int[]> blockingPairs = new ArrayList<>();
        private final List<int[][]> blockingAllToAll = new ArrayList<>();

        Builder(JobGraph graph, Map<JobVertexID, Integer> parallelismOverrides) {
            this.vertices = graph.getVerticesSortedTopologicallyFromSources();
            for (JobVertex vertex : vertices) {
                int p = parallelismOverrides.getOrDefault(vertex.getID(), vertex.getParallelism());
                if (p < 1) {
                    throw new IllegalArgumentException("Vertex '" + vertex.getName() + "' (" + vertex.getID()
                            + ") has parallelism " + p + "; pipelined regions need a parallelism of at least 1.");
                }
                parallelism.put(vertex.getID(), p);
                firstIndex.put(vertex.getID(), subtasks.size());
                for (int i = 0; i < p; i++) {
                    subtasks.add(new ExecutionVertexID(vertex.getID(), i));
                }
            }
            this.pipelined = new UnionFind(subtasks.size());
        }

        PipelinedRegionTopology build() {
            for (JobVertex consumer : vertices) {
                for (JobEdge edge : consumer.getInputs()) {
                    JobVertex producer = edge.getSource().getProducer();
                    if (!firstIndex.containsKey(producer.getID())) {
                        continue; // not in the graph; validation reports it
                    }
                    connect(producer, consumer, edge);
                }
            }
            mergeRegionsOnDependencyCycles();
            return new PipelinedRegionTopology(createRegions());
        }

        private void connect(JobVertex producer, JobVertex consumer, JobEdge edge) {
            int producerBase = firstIndex.get(producer.getID());
            int consumerBase = firstIndex.get(consumer.getID());
            int producers = parallelism.get(producer.getID());
            int consumers = parallelism.get(consumer.getID());
            boolean blocking = edge.getSource().getResultType().isBlocking();

            if (edge.getDistributionPattern() == DistributionPattern.ALL_TO_ALL) {
                if (blocking) {
                    blockingAllToAll.add(new int[][] {{producerBase, producers}, {consumerBase, consumers}});
                    return;
                }
                for (int i = 1; i < producers; i++) {
                    pipelined.union(producerBase, producerBase + i);
                }
                for (int j = 0; j < consumers; j++) {
                    pipelined.union(producerBase, consumerBase + j);
                }
                return;
            }
            // POINTWISE: the ranges partition the larger side among the smaller side's subtasks.
            if (producers >= consumers) {
                for (int j = 0; j < consumers; j++) {
                    int start = (int) ((long) j * producers / consumers);
                    int end = (int) ((long) (j + 1) * producers / consumers);
                    for (int i = start; i < end; i++) {
                        link(producerBase + i, consumerBase + j, blocking);
                    }
                }
            } else {
                for (int i = 0; i < producers; i++) {
                    int start = (int) ((long) i * consumers / producers);
                    int end = (int) ((long) (i + 1) * consumers / producers);
                    for (int j = start; j < end; j++) {
                        link(producerBase + i, consumerBase + j, blocking);
                    }
                }
            }
        }

        private void link(int producerSubtask, int consumerSubtask, boolean blocking) {
            if (blocking) {
                blockingPairs.add(new int[] {producerSubtask, consumerSubtask});
            } else {
                pipelined.union(producerSubtask, consumerSubtask);
            }
        }

        /** Returns, per region root, the roots of the regions it reads blocking data from (self excluded). */
        private Map<Integer, Set<Integer>> dependencies() {
            Map<Integer, Set<Integer>> producersOf = new TreeMap<>();
            for (int i = 0; i < subtasks.size(); i++) {
                producersOf.computeIfAbsent(pipelined.find(i), root -> new TreeSet<>());
            }
            for (int[] pair : blockingPairs) {
                addDependency(producersOf, pipelined.find(pair[0]), pipelined.find(pair[1]));
            }
            for (int[][] edge : blockingAllToAll) {
                Set<Integer> producerRoots = roots(edge[0][0], edge[0][1]);
                Set<Integer> consumerRoots = roots(edge[1][0], edge[1][1]);
                for (int consumerRoot : consumerRoots) {
                    for (int producerRoot : producerRoots) {
                        addDependency(producersOf, producerRoot, consumerRoot);
                    }
                }
            }
            return producersOf;
        }

        private static void addDependency(Map<Integer, Set<Integer>> producersOf, int producerRoot, int consumerRoot) {
            if (producerRoot != consumerRoot) {
                producersOf.get(consumerRoot).add(producerRoot);
            }
        }

        private Set<Integer> roots(int base, int count) {
            Set<Integer> roots = new LinkedHashSet<>();
            for (int i = 0; i < count; i++) {
                roots.add(pipelined.find(base + i));
            }
            return roots;
        }

        /** Merges the regions of every cycle of blocking dependencies (strongly connected components). */
        private void mergeRegionsOnDependencyCycles() {
            Map<Integer, Set<Integer>> producersOf = dependencies();
            for (List<Integer> component : new StronglyConnectedComponents(producersOf).compute()) {
                for (int i = 1; i < component.size(); i++) {
                    pipelined.union(component.get(0), component.get(i));
                }
            }
        }

        private List<PipelinedRegion> createRegions() {
            // Members per root, in subtask order; roots ordered by their first subtask.
            Map<Integer, List<ExecutionVertexID>> membersByRoot = new HashMap<>();
            Map<Integer, Integer> firstSubtaskOfRoot = new HashMap<>();
            for (int i = 0; i < subtasks.size(); i++) {
                int root = pipelined.find(i);
                membersByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(subtasks.get(i));
                firstSubtaskOfRoot.putIfAbsent(root, i);
            }
            Map<Integer, Set<Integer>> producersOf = dependencies();

            // Kahn's algorithm; among ready regions the one whose first subtask comes first.
            Map<Integer, Integer> pending = new HashMap<>();
            Map<Integer, List<Integer>> consumersOf = new HashMap<>();
            TreeMap<Integer, Integer> ready = new TreeMap<>(); // first subtask -> root
            for (Map.Entry<Integer, Set<Integer>> entry : producersOf.entrySet()) {
                int root = entry.getKey();
                pending.put(root, entry.getValue().size());
                for (int producer : entry.getValue()) {
                    consumersOf.computeIfAbsent(producer, r -> new ArrayList<>()).add(root);
                }
                if (entry.getValue().isEmpty()) {
                    ready.put(firstSubtaskOfRoot.get(root), root);
                }
            }
            List<PipelinedRegion> ordered = new ArrayList<>(producersOf.size());
            Map<Integer, PipelinedRegion> regionOfRoot = new HashMap<>();
            while (!ready.isEmpty()) {
                int root = ready.pollFirstEntry().getValue();
                PipelinedRegion region = new PipelinedRegion(ordered.size(), membersByRoot.get(root));
                for (int producer : producersOf.get(root)) {
                    region.addProducerRegion(regionOfRoot.get(producer));
                }
                regionOfRoot.put(root, region);
                ordered.add(region);
                for (int consumer : consumersOf.getOrDefault(root, List.of())) {
                    if (pending.merge(consumer, -1, Integer::sum) == 0) {
                        ready.put(firstSubtaskOfRoot.get(consumer), consumer);
                    }
                }
            }
            if (ordered.size() != producersOf.size()) {
                throw new IllegalStateException("Region dependencies still form a cycle after merging cycles");
            }
            return ordered;
        }
    }

    /** Union-find over subtask numbers with path halving and union by size. */
    private static final class UnionFind {

        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            Arrays.fill(size, 1);
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int rootA = find(a);
            int rootB = find(b);
            if (rootA == rootB) {
                return;
            }
            if (size[rootA] < size[rootB]) {
                int swap = rootA;
                rootA = rootB;
                rootB = swap;
            }
            parent[rootB] = rootA;
            size[rootA] += size[rootB];
        }
    }

    /** Tarjan's algorithm, iterative so that long chains of regions cannot overflow the stack. */
    private static final class StronglyConnectedComponents {

        private final Map<Integer, Set<Integer>> successors;
        private final Map<Integer, Integer> index = new HashMap<>();
        private final Map<Integer, Integer> lowLink = new HashMap<>();
        private final Deque<Integer> stack = new ArrayDeque<>();
        private final Set<Integer> onStack = new LinkedHashSet<>();
        private final List<List<Integer>> components = new ArrayList<>();
        private int nextIndex;

        /** The edges may point either way; components do not depend on edge direction. */
        StronglyConnectedComponents(Map<Integer, Set<Integer>> successors) {
            this.successors = successors;
        }

        /** Returns the components with more than one node. */
        List<List<Integer>> compute() {
            for (int node : successors.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(int start) {
            Deque<int[]> work = new ArrayDeque<>(); // {node, position among its successors}
            Map<Integer, List<Integer>> successorLists = new HashMap<>();
            enter(start, successorLists);
            work.push(new int[] {start, 0});
            while (!work.isEmpty()) {
                int[] frame = work.peek();
                int node = frame[0];
                List<Integer> next = successorLists.get(node);
                if (frame[1] < next.size()) {
                    int successor = next.get(frame[1]++);
                    if (!index.containsKey(successor)) {
                        enter(successor, successorLists);
                        work.push(new int[] {successor, 0});
                    } else if (onStack.contains(successor)) {
                        lowLink.put(node, Math.min(lowLink.get(node), index.get(successor)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    int parent = work.peek()[0];
                    lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(node)));
                }
                if (lowLink.get(node).equals(index.get(node))) {
                    List<Integer> component = new ArrayList<>();
                    int member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (member != node);
                    if (component.size() > 1) {
                        components.add(component);
                    }
                }
            }
        }

        private void enter(int node, Map<Integer, List<Integer>> successorLists) {
            index.put(node, nextIndex);
            lowLink.put(node, nextIndex);
            nextIndex++;
            stack.push(node);
            onStack.add(node);
            successorLists.put(node, new ArrayList<>(successors.getOrDefault(node, Set.of())));
        }
    }
}
