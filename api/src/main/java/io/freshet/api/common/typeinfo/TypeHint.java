package io.freshet.api.common.typeinfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import io.freshet.api.java.typeutils.TypeExtractor;

/**
 * Captures a generic type that erasure would otherwise lose: create an anonymous subclass, e.g.
 * {@code new TypeHint<Tuple2<String, Long>>(){}}, and the type argument is read from its class signature.
 *
 * @param <T> the captured type
 */
public abstract class TypeHint<T> {

    private final TypeInformation<T> typeInfo;

    @SuppressWarnings("unchecked")
    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType) || getClass().getSuperclass() != TypeHint.class) {
            throw new IllegalArgumentException("create a TypeHint as a direct anonymous subclass with a concrete type,"
                    + " e.g. new TypeHint<Tuple2<String, Long>>(){}");
        }
        Type captured = ((ParameterizedType) superType).getActualTypeArguments()[0];
        this.typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(captured);
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TypeHint && typeInfo.equals(((TypeHint<?>) obj).typeInfo);
    }

    @Override
    public String toString() {
        return "TypeHint: " + typeInfo;
    }
}
