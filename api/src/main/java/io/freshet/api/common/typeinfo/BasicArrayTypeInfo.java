package io.freshet.api.common.typeinfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.GenericArraySerializer;
import io.freshet.api.common.typeutils.base.array.StringArraySerializer;

/**
 * Type information of arrays of basic types ({@code String[]}, {@code Integer[]}, ...); elements may be null.
 * Not usable as keys.
 *
 * @param <T> the array type
 * @param <C> the component type
 */
public final class BasicArrayTypeInfo<T, C> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final BasicArrayTypeInfo<String[], String> STRING_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(String[].class, BasicTypeInfo.STRING_TYPE_INFO);
    public static final BasicArrayTypeInfo<Boolean[], Boolean> BOOLEAN_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Boolean[].class, BasicTypeInfo.BOOLEAN_TYPE_INFO);
    public static final BasicArrayTypeInfo<Byte[], Byte> BYTE_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Byte[].class, BasicTypeInfo.BYTE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Short[], Short> SHORT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Short[].class, BasicTypeInfo.SHORT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Integer[], Integer> INT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Integer[].class, BasicTypeInfo.INT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Long[], Long> LONG_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Long[].class, BasicTypeInfo.LONG_TYPE_INFO);
    public static final BasicArrayTypeInfo<Float[], Float> FLOAT_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Float[].class, BasicTypeInfo.FLOAT_TYPE_INFO);
    public static final BasicArrayTypeInfo<Double[], Double> DOUBLE_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Double[].class, BasicTypeInfo.DOUBLE_TYPE_INFO);
    public static final BasicArrayTypeInfo<Character[], Character> CHAR_ARRAY_TYPE_INFO =
            new BasicArrayTypeInfo<>(Character[].class, BasicTypeInfo.CHAR_TYPE_INFO);

    private static final Map<Class<?>, BasicArrayTypeInfo<?, ?>> TYPES = new HashMap<>();

    static {
        for (BasicArrayTypeInfo<?, ?> info : new BasicArrayTypeInfo<?, ?>[] {STRING_ARRAY_TYPE_INFO,
                BOOLEAN_ARRAY_TYPE_INFO, BYTE_ARRAY_TYPE_INFO, SHORT_ARRAY_TYPE_INFO, INT_ARRAY_TYPE_INFO,
                LONG_ARRAY_TYPE_INFO, FLOAT_ARRAY_TYPE_INFO, DOUBLE_ARRAY_TYPE_INFO, CHAR_ARRAY_TYPE_INFO}) {
            TYPES.put(info.getTypeClass(), info);
        }
    }

    private final Class<T> arrayClass;
    private final TypeInformation<C> componentInfo;

    private BasicArrayTypeInfo(Class<T> arrayClass, BasicTypeInfo<C> componentInfo) {
        this.arrayClass = arrayClass;
        this.componentInfo = componentInfo;
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
        return arrayClass;
    }

    public Class<C> getComponentTypeClass() {
        return componentInfo.getTypeClass();
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
        if (arrayClass == String[].class) {
            return (TypeSerializer<T>) StringArraySerializer.INSTANCE;
        }
        return (TypeSerializer<T>) new GenericArraySerializer<>(
                componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    @Deprecated
    @SuppressWarnings("unchecked")
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        if (arrayClass == String[].class) {
            return (TypeSerializer<T>) StringArraySerializer.INSTANCE;
        }
        return (TypeSerializer<T>) new GenericArraySerializer<>(
                componentInfo.getTypeClass(), componentInfo.createSerializer(config));
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof BasicArrayTypeInfo)) {
            return false;
        }
        BasicArrayTypeInfo<?, ?> other = (BasicArrayTypeInfo<?, ?>) obj;
        return other.canEqual(this) && arrayClass == other.arrayClass && componentInfo.equals(other.componentInfo);
    }

    @Override
    public int hashCode() {
        return 31 * arrayClass.hashCode() + componentInfo.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof BasicArrayTypeInfo;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + componentInfo + ">";
    }

    /**
     * The type information of an array of a basic type, or null for other arrays.
     *
     * @throws InvalidTypesException when {@code type} is not an array class
     */
    @SuppressWarnings("unchecked")
    public static <X, C> BasicArrayTypeInfo<X, C> getInfoFor(Class<X> type) {
        Objects.requireNonNull(type, "type class must not be null");
        if (!type.isArray()) {
            throw new InvalidTypesException(type.getName() + " is not an array class");
        }
        return (BasicArrayTypeInfo<X, C>) TYPES.get(type);
    }
}
