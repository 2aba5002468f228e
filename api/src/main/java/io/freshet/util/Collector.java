package io.freshet.util;

/**
 * Collects the records a function emits. A collector is owned by the runtime and handed to user functions;
 * functions must not keep a reference to it beyond the call that received it.
 *
 * @param <T> the type of the collected records
 */
public interface Collector<T> {

    /** Emits one record downstream. */
    void collect(T record);

    /** Closes the collector; nothing may be collected afterwards. */
    void close();
}
