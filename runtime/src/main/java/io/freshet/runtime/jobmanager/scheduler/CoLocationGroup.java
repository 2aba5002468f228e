package io.freshet.runtime.jobmanager.scheduler;

import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import io.freshet.util.AbstractID;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Job vertices whose subtasks with the same index must run in the same slot (for example the head and tail of
 * an iteration). All members are in the same {@link SlotSharingGroup}. Built by {@link
 * JobVertex#setStrictlyCoLocatedWith}.
 */
public final class CoLocationGroup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AbstractID id;
    private final List<JobVertexID> vertexIds = new ArrayList<>();

    /** Creates an empty group with a random ID. */
    public CoLocationGroup() {
        this(new AbstractID());
    }

    /** Creates an empty group with the given ID (used when a job graph is read back). */
    public CoLocationGroup(AbstractID id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public AbstractID getId() {
        return id;
    }

    /** Returns the member vertices in the order they joined; a read-only view. */
    public List<JobVertexID> getVertexIds() {
        return Collections.unmodifiableList(vertexIds);
    }

    /** Adds a vertex; adding a member again has no effect. */
    public void addVertex(JobVertexID vertexId) {
        if (!vertexIds.contains(vertexId)) {
            vertexIds.add(Objects.requireNonNull(vertexId, "vertexId"));
        }
    }

    @Override
    public String toString() {
        return "CoLocationGroup{id=" + id + ", vertices=" + vertexIds + "}";
    }
}
