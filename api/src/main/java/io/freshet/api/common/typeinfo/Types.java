package io.freshet.api.common.typeinfo;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.typeutils.EnumTypeInfo;
import io.freshet.api.java.typeutils.GenericTypeInfo;
import io.freshet.api.java.typeutils.ListTypeInfo;
import io.freshet.api.java.typeutils.MapTypeInfo;
import io.freshet.api.java.typeutils.ObjectArrayTypeInfo;
import io.freshet.api.java.typeutils.PojoField;
import io.freshet.api.java.typeutils.PojoTypeInfo;
import io.freshet.api.java.typeutils.TupleTypeInfo;
import io.freshet.api.java.typeutils.TypeExtractor;

/**
 * The common type informations, for {@code returns(...)}, state descriptors and sources:
 * {@code Types.TUPLE(Types.STRING, Types.INT)}, {@code Types.POJO(Event.class)}, {@code Types.LIST(Types.LONG)}.
 */
public class Types {

    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;

    /** A tuple type of {@code Tuple0..Tuple25} with the given field types. */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        return (TypeInformation<T>) new TupleTypeInfo<>(types);
    }

    /** The type of a tuple subclass that fixes its field types, e.g. {@code class WordCount extends Tuple2<String, Integer>}. */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(tupleSubclass);
        if (!(info instanceof TupleTypeInfo)) {
            throw new InvalidTypesException(tupleSubclass.getName() + " is not a tuple type");
        }
        return info;
    }

    /** The POJO type of a class; fails, saying which rule the class breaks, when it is not a POJO. */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        TypeInformation<T> info = TypeExtractor.createTypeInfo(pojoClass);
        if (!(info instanceof PojoTypeInfo)) {
            throw new InvalidTypesException(pojoClass.getName() + " is not a POJO type: "
                    + TypeExtractor.analyzePojo(pojoClass).orElse("it is handled as " + info));
        }
        return info;
    }

    /** A POJO type with explicitly given field types (for fields whose types cannot be extracted). */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        List<PojoField> pojoFields = new ArrayList<>(fields.size());
        for (Map.Entry<String, TypeInformation<?>> entry : fields.entrySet()) {
            Field field = findField(pojoClass, entry.getKey());
            field.setAccessible(true);
            pojoFields.add(new PojoField(field, entry.getValue()));
        }
        return new PojoTypeInfo<>(pojoClass, pojoFields);
    }

    /** A type serialized with Kryo. */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(genericClass);
    }

    /** An array of a primitive type, e.g. {@code PRIMITIVE_ARRAY(Types.INT)} for {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        if (elementType == BOOLEAN) {
            return PrimitiveArrayTypeInfo.BOOLEAN_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == BYTE) {
            return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == SHORT) {
            return PrimitiveArrayTypeInfo.SHORT_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == INT) {
            return PrimitiveArrayTypeInfo.INT_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == LONG) {
            return PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == FLOAT) {
            return PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == DOUBLE) {
            return PrimitiveArrayTypeInfo.DOUBLE_PRIMITIVE_ARRAY_TYPE_INFO;
        } else if (elementType == CHAR) {
            return PrimitiveArrayTypeInfo.CHAR_PRIMITIVE_ARRAY_TYPE_INFO;
        }
        throw new IllegalArgumentException(elementType + " has no primitive array type; use OBJECT_ARRAY");
    }

    /** An array of objects of the element type. */
    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        if (elementType == STRING) {
            return (TypeInformation<E[]>) (TypeInformation<?>) BasicArrayTypeInfo.STRING_ARRAY_TYPE_INFO;
        }
        return ObjectArrayTypeInfo.getInfoFor(elementType);
    }

    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        return new MapTypeInfo<>(keyType, valueType);
    }

    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        return new ListTypeInfo<>(elementType);
    }

    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return new EnumTypeInfo<>(enumType);
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        throw new InvalidTypesException("POJO " + type.getName() + " has no field '" + name + "'");
    }
}
