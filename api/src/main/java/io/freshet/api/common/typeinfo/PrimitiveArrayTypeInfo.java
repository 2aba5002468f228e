package io.freshet.api.common.typeinfo;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import io.freshet.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;

/**
 * Type information of arrays of primitives ({@code int[]}, {@code byte[]}, ...). They are atomic and usable as
 * keys (compared element by element). The arrays themselves must not be null.
 */
public class PrimitiveArrayTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final PrimitiveArrayTypeInfo<boolean[]> BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(boolean[].class, BooleanPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<byte[]> BYTE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(byte[].class, BytePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<short[]> SHORT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(short[].class, ShortPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<int[]> INT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(int[].class, IntPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<long[]> LONG_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(long[].class, LongPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<float[]> FLOAT_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(float[].class, FloatPrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<double[]> DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(double[].class, DoublePrimitiveArraySerializer.INSTANCE);
    public static final PrimitiveArrayTypeInfo<char[]> CHAR_PRIMITIVE_ARRAY_TYPE_INFO =
            new PrimitiveArrayTypeInfo<>(char[].class, CharPrimitiveArraySerializer.INSTANCE);

    private static final Map<Class<?>, PrimitiveArrayTypeInfo<?>> TYPES = new HashMap<>();

    static {
        TYPES.put(boolean[].class, BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(byte[].class, BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(short[].class, SHORT_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(int[].class, INT_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(long[].class, LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(float[].class, FLOAT_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(double[].class, DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO);
        TYPES.put(char[].class, CHAR_PRIMITIVE_ARRAY_TYPE_INFO);
    }

    private final Class<T> arrayClass;
    private final TypeSerializer<T> serializer;

    private PrimitiveArrayTypeInfo(Class<T> arrayClass, TypeSerializer<T> serializer) {
        this.arrayClass = arrayClass;
        this.serializer = serializer;
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

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return serializer;
    }

    /** The primitive class of the elements, e.g. {@code int.class}. */
    public Class<?> getComponentClass() {
        return arrayClass.getComponentType();
    }

    /** The basic type information of the (boxed) elements, e.g. {@link BasicTypeInfo#INT_TYPE_INFO}. */
    public TypeInformation<?> getComponentType() {
        return BasicTypeInfo.getInfoFor(arrayClass.getComponentType());
    }

    @Override
    public String toString() {
        return arrayClass.getComponentType().getName() + "[]";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof PrimitiveArrayTypeInfo)) {
            return false;
        }
        PrimitiveArrayTypeInfo<?> other = (PrimitiveArrayTypeInfo<?>) obj;
        return other.canEqual(this) && arrayClass == other.arrayClass;
    }

    @Override
    public int hashCode() {
        return arrayClass.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof PrimitiveArrayTypeInfo;
    }

    /**
     * The type information of a primitive array class, or null when {@code type} is an array of objects.
     *
     * @throws InvalidTypesException when {@code type} is not an array class
     */
    @SuppressWarnings("unchecked")
    public static <X> PrimitiveArrayTypeInfo<X> getInfoFor(Class<X> type) {
        Objects.requireNonNull(type, "type class must not be null");
        if (!type.isArray()) {
            throw new InvalidTypesException(type.getName() + " is not an array class");
        }
        return (PrimitiveArrayTypeInfo<X>) TYPES.get(type);
    }
}
