package io.freshet.runtime.plugable;

import java.io.IOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputView;

/**
 * Deserializes every record into the same instance where the serializer allows it (object reuse): the caller
 * must be done with a record before reading the next.
 */
public final class ReusingDeserializationDelegate<T> implements DeserializationDelegate<T> {

    private final TypeSerializer<T> serializer;
    private T instance;

    public ReusingDeserializationDelegate(TypeSerializer<T> serializer) {
        this.serializer = serializer;
        this.instance = serializer.createInstance();
    }

    @Override
    public T getInstance() {
        return instance;
    }

    @Override
    public void setInstance(T instance) {
        this.instance = instance;
    }

    @Override
    public void read(DataInputView in) throws IOException {
        instance = serializer.deserialize(instance, in);
    }
}
