package io.freshet.runtime.jobgraph;

import io.freshet.runtime.util.HexIds;
import io.freshet.util.AbstractID;

/**
 * Identifies a {@link JobVertex} within its job. Stable for the life of the job graph: the same vertex keeps its ID
 * across restarts and savepoints. The text form is 32 lowercase hexadecimal digits.
 */
public class JobVertexID extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random vertex ID. */
    public JobVertexID() {}

    /** Creates the vertex ID from its 16 bytes, upper part first, big-endian. */
    public JobVertexID(byte[] bytes) {
        super(bytes);
    }

    /** Creates the vertex ID with the given parts. */
    public JobVertexID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }

    /**
     * Parses the text form of a vertex ID.
     *
     * @throws IllegalArgumentException if {@code hexString} is not exactly 32 hexadecimal digits
     */
    public static JobVertexID fromHexString(String hexString) {
        long[] parts = HexIds.parse(hexString, "JobVertexID");
        return new JobVertexID(parts[1], parts[0]);
    }
}
