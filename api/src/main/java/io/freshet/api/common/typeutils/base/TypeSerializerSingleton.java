package io.freshet.api.common.typeutils.base;

/**
 * Base of serializers without state, under the package Flink's user code imports it from
 * ({@code ...typeutils.base.TypeSerializerSingleton}): one shared instance serves every thread, and any two
 * instances of the same class are equal.
 */
public abstract class TypeSerializerSingleton<T> extends io.freshet.api.common.typeutils.TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public TypeSerializerSingleton<T> duplicate() {
        return this;
    }
}
