package io.freshet.runtime.jobmaster;

import java.util.UUID;

import io.freshet.util.AbstractID;

/** The fencing token of a JobMaster's leadership: calls meant for an older leader of the job are rejected. */
public final class JobMasterId extends AbstractID {

    private static final long serialVersionUID = 1L;

    public JobMasterId(UUID uuid) {
        super(uuid.getLeastSignificantBits(), uuid.getMostSignificantBits());
    }

    private JobMasterId() {
        super();
    }

    public static JobMasterId generate() {
        return new JobMasterId();
    }

    public UUID toUUID() {
        return new UUID(getUpperPart(), getLowerPart());
    }
}
