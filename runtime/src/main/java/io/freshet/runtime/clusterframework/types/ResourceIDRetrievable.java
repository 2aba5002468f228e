package io.freshet.runtime.clusterframework.types;

/** Something that belongs to one TaskExecutor (or other resource) and can name it. */
public interface ResourceIDRetrievable {

    ResourceID getResourceID();
}
