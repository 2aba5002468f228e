package io.freshet.runtime.rpc;

/**
 * Told about errors a component cannot recover from (a task that does not stop after cancellation, a rejected
 * registration, a broken invariant). The process-level implementation logs the error and terminates the JVM so
 * that the process is restarted in a clean state; tests inject one that records the error.
 */
public interface FatalErrorHandler {

    /** Handles a fatal error; may not return (the process exits). Must be callable from any thread. */
    void onFatalError(Throwable exception);
}
