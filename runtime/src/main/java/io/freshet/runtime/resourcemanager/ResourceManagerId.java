package io.freshet.runtime.resourcemanager;

import java.util.UUID;

import io.freshet.util.AbstractID;

/** The fencing token of a ResourceManager's leadership. */
public final class ResourceManagerId extends AbstractID {

    private static final long serialVersionUID = 1L;

    public ResourceManagerId(UUID uuid) {
        super(uuid.getLeastSignificantBits(), uuid.getMostSignificantBits());
    }

    private ResourceManagerId() {
        super();
    }

    public static ResourceManagerId generate() {
        return new ResourceManagerId();
    }

    public UUID toUUID() {
        return new UUID(getUpperPart(), getLowerPart());
    }
}
