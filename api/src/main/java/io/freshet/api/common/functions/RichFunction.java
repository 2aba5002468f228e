package io.freshet.api.common.functions;

import io.freshet.configuration.Configuration;

/**
 * A function with a lifecycle and access to the context it runs in.
 *
 * <p>Lifecycle, per parallel instance: the runtime calls {@link #setRuntimeContext} first, then
 * {@link #open(OpenContext)} once before the first record, then the core method (for example {@code map}) for
 * each record, and finally {@link #close()} once, also when the task fails or is cancelled after a successful
 * {@code open}. An instance is used by one thread at a time.
 */
public interface RichFunction extends Function {

    /**
     * Initializes the function before the first record.
     *
     * @deprecated as in Flink 1.20: override {@link #open(OpenContext)} instead. The runtime calls
     *     {@code open(OpenContext)}, whose default calls this method with an empty configuration, so functions
     *     written for older Flink versions keep working.
     */
    @Deprecated
    void open(Configuration parameters) throws Exception;

    /**
     * Initializes the function before the first record. By default calls the deprecated
     * {@link #open(Configuration)} with an empty configuration. An exception fails the task.
     */
    default void open(OpenContext openContext) throws Exception {
        open(new Configuration());
    }

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
