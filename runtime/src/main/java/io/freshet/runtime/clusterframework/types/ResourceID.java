package io.freshet.runtime.clusterframework.types;

import io.freshet.util.AbstractID;
import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies a process that offers resources, usually a TaskExecutor: on YARN the container ID, otherwise a
 * generated or configured string. Two resource IDs are equal when their ID strings are equal; the optional
 * metadata (for example host and port) only helps humans and is not part of the identity.
 */
public final class ResourceID implements ResourceIDRetrievable, Serializable {

    private static final long serialVersionUID = 1L;

    private final String resourceId;
    private final String metadata;

    /** Creates a resource ID without metadata. */
    public ResourceID(String resourceId) {
        this(resourceId, "");
    }

    /**
     * @param metadata extra text shown beside the ID, for example {@code "host:port"}; may be empty
     * @throws IllegalArgumentException if {@code resourceId} is empty
     */
    public ResourceID(String resourceId, String metadata) {
        Objects.requireNonNull(resourceId, "resourceId");
        if (resourceId.isEmpty()) {
            throw new IllegalArgumentException("A resource ID must not be empty");
        }
        this.resourceId = resourceId;
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** Returns a new resource ID of 32 random hexadecimal digits. */
    public static ResourceID generate() {
        return new ResourceID(new AbstractID().toString());
    }

    public String getResourceIdString() {
        return resourceId;
    }

    public String getMetadata() {
        return metadata;
    }

    /** Returns the ID, followed by the metadata in parentheses when there is any. */
    public String getStringWithMetadata() {
        return metadata.isEmpty() ? resourceId : resourceId + "(" + metadata + ")";
    }

    @Override
    public ResourceID getResourceID() {
        return this;
    }

    @Override
    public boolean equals(Object obj) {
        return obj == this || (obj instanceof ResourceID && ((ResourceID) obj).resourceId.equals(resourceId));
    }

    @Override
    public int hashCode() {
        return resourceId.hashCode();
    }

    @Override
    public String toString() {
        return resourceId;
    }
}
