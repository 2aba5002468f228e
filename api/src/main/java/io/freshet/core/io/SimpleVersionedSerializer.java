package io.freshet.core.io;

import java.io.IOException;

/**
 * Turns objects into bytes and back, with a version, so that bytes written by an older version of the serializer
 * (in a checkpoint, in an event between JobManager and TaskManager) can still be read.
 */
public interface SimpleVersionedSerializer<E> {

    /** The version the bytes of {@link #serialize} have. */
    int getVersion();

    byte[] serialize(E obj) throws IOException;

    /** Reads bytes written by a serializer of {@code version}. */
    E deserialize(int version, byte[] serialized) throws IOException;
}
