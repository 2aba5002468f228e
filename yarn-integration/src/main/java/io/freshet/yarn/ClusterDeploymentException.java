package io.freshet.yarn;

/** A cluster could not be deployed, retrieved or stopped; the message says why and what to do. */
public final class ClusterDeploymentException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClusterDeploymentException(String message) {
        super(message);
    }

    public ClusterDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
