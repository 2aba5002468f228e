package io.freshet.runtime.instance;

import io.freshet.util.AbstractID;

/** Identifies a slot sharing group within a job. */
public class SlotSharingGroupId extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random ID. */
    public SlotSharingGroupId() {}

    /** Creates the ID with the given parts. */
    public SlotSharingGroupId(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }
}
