package io.freshet.runtime.checkpoint;

import java.util.Arrays;
import java.util.List;

import io.freshet.runtime.jobgraph.JobVertex;

/**
 * The ids of the operators a vertex runs (a chain, head first), as the streaming translator records them in the
 * vertex's configuration: checkpoints and savepoints store state per operator id, so state finds its operator again
 * in another job graph (a program run again from a savepoint, at another parallelism, chained differently).
 */
public final class OperatorIds {

    /** The vertex configuration key holding the ids, comma separated. */
    public static final String CONFIG_KEY = "freshet.operator-ids";

    private OperatorIds() {}

    public static void set(JobVertex vertex, List<String> operatorIds) {
        vertex.getConfiguration().setString(CONFIG_KEY, String.join(",", operatorIds));
    }

    /** The vertex's operator ids, head first; empty when the vertex was not built by the streaming translator. */
    public static List<String> of(JobVertex vertex) {
        String ids = vertex.getConfiguration().getString(CONFIG_KEY, null);
        return ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }

    /** The id state of {@code vertex}'s head goes by: its head operator's, or the vertex id when it has none. */
    public static String headOf(JobVertex vertex) {
        List<String> ids = of(vertex);
        return ids.isEmpty() ? vertex.getID().toString() : ids.get(0);
    }
}
