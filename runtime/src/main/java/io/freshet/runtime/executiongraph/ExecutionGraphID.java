package io.freshet.runtime.executiongraph;

import io.freshet.util.AbstractID;

/**
 * Identifies one ExecutionGraph built by a JobMaster for a job. A JobMaster that takes over after a failover
 * builds a new graph with a new ID, so that attempt numbers of the old and the new graph never collide.
 */
public class ExecutionGraphID extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random ID. */
    public ExecutionGraphID() {}

    /** Creates the ID from its 16 bytes, upper part first, big-endian. */
    public ExecutionGraphID(byte[] bytes) {
        super(bytes);
    }

    /** Creates the ID with the given parts. */
    public ExecutionGraphID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }
}
