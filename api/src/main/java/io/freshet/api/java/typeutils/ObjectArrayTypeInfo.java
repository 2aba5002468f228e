package io.freshet.api.java.typeutils;

import java.lang.reflect.Array;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.GenericArraySerializer;

/**
 * Type information of arrays of objects whose component type is not basic (tuples, POJOs, nested arrays, ...);
 * elements may be null. Not usable as keys.
 *
 * @param <T> the array type
 * @param <C> the component type
 */
public class ObjectArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> arrayType;
    private final TypeInformation<C> componentInfo;

    private ObjectArrayTypeInfo(Class<T> arrayType, TypeInformation<C> componentInfo) {
        this.arrayType = Objects.requireNonNull(arrayType, "arrayType");
        this.componentInfo = Objects.requireNonNull(componentInfo, "componentInfo");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return arrayType;
    }

    public TypeInformation<C> getComponentInfo() {
        return componentInfo;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return (TypeSerializer<T>) new GenericArraySerializer<>(
                componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    @Deprecated
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return (TypeSerializer<T>) new GenericArraySerializer<>(
                componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + componentInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof ObjectArrayTypeInfo)) {
            return false;
        }
        ObjectArrayTypeInfo<?, ?> other = (ObjectArrayTypeInfo<?, ?>) obj;
        return other.canEqual(this) && arrayType == other.arrayType && componentInfo.equals(other.componentInfo);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof ObjectArrayTypeInfo;
    }

    @Override
    public int hashCode() {
        return 31 * arrayType.hashCode() + componentInfo.hashCode();
    }

    /**
     * The type information of {@code arrayClass}, whose elements are described by {@code componentInfo}.
     *
     * @throws IllegalArgumentException when {@code arrayClass} is not an array class
     */
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(Class<T> arrayClass, TypeInformation<C> componentInfo) {
        Objects.requireNonNull(arrayClass, "arrayClass");
        Objects.requireNonNull(componentInfo, "componentInfo");
        if (!arrayClass.isArray()) {
            throw new IllegalArgumentException(arrayClass.getName() + " is not an array class");
        }
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }

    /** The type information of arrays of {@code componentInfo}'s type. */
    @SuppressWarnings("unchecked")
    public static <T, C> ObjectArrayTypeInfo<T, C> getInfoFor(TypeInformation<C> componentInfo) {
        Objects.requireNonNull(componentInfo, "componentInfo");
        Class<T> arrayClass = (Class<T>) Array.newInstance(componentInfo.getTypeClass(), 0).getClass();
        return new ObjectArrayTypeInfo<>(arrayClass, componentInfo);
    }
}
