package io.freshet.api.connector.sink2;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.util.UserCodeClassLoader;

/** What a {@link SinkWriter} is created with. */
public interface WriterInitContext extends InitContext {

    UserCodeClassLoader getUserCodeClassLoader();

    boolean isObjectReuseEnabled();

    /** A serializer of the sink's input records (to copy them when object reuse is on). */
    <IN> TypeSerializer<IN> createInputSerializer();
}
