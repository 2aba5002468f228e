package io.freshet.runtime.jobgraph;

import io.freshet.util.AbstractID;
import java.util.UUID;

/** Identifies an {@link IntermediateDataSet}: the result one job vertex produces for its consumers. */
public class IntermediateDataSetID extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random data set ID. */
    public IntermediateDataSetID() {}

    /** Creates a data set ID equal in value to {@code from}. */
    public IntermediateDataSetID(AbstractID from) {
        super(from);
    }

    /** Creates a data set ID from the bits of {@code from}. */
    public IntermediateDataSetID(UUID from) {
        super(from.getLeastSignificantBits(), from.getMostSignificantBits());
    }

    /** Creates the data set ID with the given parts. */
    public IntermediateDataSetID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }
}
