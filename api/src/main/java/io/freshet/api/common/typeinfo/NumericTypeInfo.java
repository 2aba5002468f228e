package io.freshet.api.common.typeinfo;

import io.freshet.api.common.typeutils.TypeSerializer;

/** Type information of the numeric basic types (integers and floating point numbers). */
public abstract class NumericTypeInfo<T> extends BasicTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    protected NumericTypeInfo(Class<T> clazz, Class<?>[] possibleCastTargetTypes, TypeSerializer<T> serializer) {
        super(clazz, possibleCastTargetTypes, serializer);
    }
}
