package io.freshet.api.common.typeinfo;

import io.freshet.api.common.typeutils.TypeSerializer;

/** Type information of the integral basic types: Byte, Short, Integer, Long. */
public class IntegerTypeInfo<T> extends NumericTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    protected IntegerTypeInfo(Class<T> clazz, Class<?>[] possibleCastTargetTypes, TypeSerializer<T> serializer) {
        super(clazz, possibleCastTargetTypes, serializer);
    }
}
