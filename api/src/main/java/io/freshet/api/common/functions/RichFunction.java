package io.freshet.api.common.functions;

/**
 * A function with a lifecycle and access to the context it runs in.
 *
 * <p>Lifecycle, per parallel instance: the runtime calls {@link #setRuntimeContext} first, then
 * {@link #open(OpenContext)} once before the first record, then the core method (for example {@code map}) for
 * each record, and finally {@link #close()} once, also when the task fails or is cancelled after a successful
 * {@code open}. An instance is used by one thread at a time.
 */
public interface RichFunction extends Function {

    // TODO(config): add the deprecated open(io.freshet.configuration.Configuration) once Configuration
    // exists; Flink 1.20 still declares it, and this default then delegates to it.

    /**
     * Initializes the function before the first record. Does nothing by default. An exception fails the task.
     */
    default void open(OpenContext openContext) throws Exception {}

    /** Releases what {@code open} acquired; called once after the last record. An exception fails the task. */
    void close() throws Exception;

    /**
     * Returns the context of the parallel instance this function runs as.
     *
     * @throws IllegalStateException if the runtime has not set a context yet
     */
    RuntimeContext getRuntimeContext();

    /**
     * Returns the context of the iteration this function runs in.
     *
     * @throws IllegalStateException if there is no context or the function does not run inside an iteration
     */
    IterationRuntimeContext getIterationRuntimeContext();

    /** Sets the runtime context; called by the runtime before {@code open}. */
    void setRuntimeContext(RuntimeContext t);
}
