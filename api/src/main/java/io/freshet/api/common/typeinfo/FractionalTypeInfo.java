package io.freshet.api.common.typeinfo;

import io.freshet.api.common.typeutils.TypeSerializer;

/** Type information of the floating point basic types: Float, Double. */
public class FractionalTypeInfo<T> extends NumericTypeInfo<T> {

    private static final long serialVersionUID = 1L;

    protected FractionalTypeInfo(Class<T> clazz, Class<?>[] possibleCastTargetTypes, TypeSerializer<T> serializer) {
        super(clazz, possibleCastTargetTypes, serializer);
    }
}
