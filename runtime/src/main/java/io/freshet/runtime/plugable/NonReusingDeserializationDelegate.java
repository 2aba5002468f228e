package io.freshet.runtime.plugable;

import java.io.IOException;

import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.core.memory.DataInputView;

/** Deserializes every record into a new instance (no object reuse). */
public final class NonReusingDeserializationDelegate<T> implements DeserializationDelegate<T> {

    private final TypeSerializer<T> serializer;
    private T instance;

    public NonReusingDeserializationDelegate(TypeSerializer<T> serializer) {
        this.serializer = serializer;
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
        instance = serializer.deserialize(in);
    }
}
