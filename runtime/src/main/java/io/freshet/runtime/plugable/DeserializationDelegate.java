package io.freshet.runtime.plugable;

import java.io.IOException;

import io.freshet.core.memory.DataInputView;

/**
 * Where a record deserializer puts the record it read: the delegate owns the type serializer and the record
 * instance, so the deserializer stays free of types and allocates nothing.
 *
 * @param <T> the record type
 */
public interface DeserializationDelegate<T> {

    /** The record read last (null before the first read, or an empty reuse instance). */
    T getInstance();

    void setInstance(T instance);

    /** Reads exactly one record from {@code in}. */
    void read(DataInputView in) throws IOException;
}
