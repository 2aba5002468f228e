package io.freshet.runtime.jobgraph;

/**
 * Thrown when a job graph cannot run as built: a cycle, an edge to or from a vertex that is not in the graph, a
 * vertex without invokable class, an impossible parallelism, or two vertices with one ID. The message names the
 * job, the vertex (or vertices) and what to change. Rejecting such a graph fails that job only.
 */
public class InvalidJobGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidJobGraphException(String message) {
        super(message);
    }
}
