package io.freshet.api.common.typeutils.base;

import io.freshet.api.common.typeutils.TypeSerializer;

/**
 * Base of serializers without state, under the package Flink's user code imports it from: one shared instance
 * serves every thread ({@link #duplicate()} returns {@code this}), and any two instances of the same class are
 * equal.
 */
public abstract class TypeSerializerSingleton<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializerSingleton<T> duplicate() {
        return this;
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
