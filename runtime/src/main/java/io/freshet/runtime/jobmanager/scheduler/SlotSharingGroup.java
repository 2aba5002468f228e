package io.freshet.runtime.jobmanager.scheduler;

import io.freshet.runtime.instance.SlotSharingGroupId;
import io.freshet.runtime.jobgraph.JobVertex;
import io.freshet.runtime.jobgraph.JobVertexID;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Job vertices whose subtasks may share slots: one slot then runs at most one subtask of each vertex of the group,
 * so a job needs as many slots as the highest parallelism in the group. Membership is kept by {@link
 * JobVertex#setSlotSharingGroup}.
 */
public class SlotSharingGroup implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SlotSharingGroupId slotSharingGroupId;
    private final Set<JobVertexID> ids = new LinkedHashSet<>();

    /** Creates an empty group with a random ID. */
    public SlotSharingGroup() {
        this(new SlotSharingGroupId());
    }

    /** Creates an empty group with the given ID (used when a job graph is read back). */
    public SlotSharingGroup(SlotSharingGroupId slotSharingGroupId) {
        this.slotSharingGroupId = Objects.requireNonNull(slotSharingGroupId, "slotSharingGroupId");
    }

    public void addVertexToGroup(JobVertexID id) {
        ids.add(Objects.requireNonNull(id, "id"));
    }

    public void removeVertexFromGroup(JobVertexID id) {
        ids.remove(id);
    }

    /** Returns the member vertices in the order they joined; a read-only view. */
    public Set<JobVertexID> getJobVertexIds() {
        return Collections.unmodifiableSet(ids);
    }

    public SlotSharingGroupId getSlotSharingGroupId() {
        return slotSharingGroupId;
    }

    @Override
    public String toString() {
        return "SlotSharingGroup{id=" + slotSharingGroupId + ", vertices=" + ids + "}";
    }
}
