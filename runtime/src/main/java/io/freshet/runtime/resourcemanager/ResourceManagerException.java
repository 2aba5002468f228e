package io.freshet.runtime.resourcemanager;

/** A call to the ResourceManager could not be served; the message says why and what to do. */
public class ResourceManagerException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceManagerException(String message) {
        super(message);
    }

    public ResourceManagerException(String message, Throwable cause) {
        super(message, cause);
    }
}
