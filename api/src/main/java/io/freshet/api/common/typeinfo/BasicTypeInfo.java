package io.freshet.api.common.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.BigDecSerializer;
import io.freshet.api.common.typeutils.base.BigIntSerializer;
import io.freshet.api.common.typeutils.base.BooleanSerializer;
import io.freshet.api.common.typeutils.base.ByteSerializer;
import io.freshet.api.common.typeutils.base.CharSerializer;
import io.freshet.api.common.typeutils.base.DateSerializer;
import io.freshet.api.common.typeutils.base.DoubleSerializer;
import io.freshet.api.common.typeutils.base.FloatSerializer;
import io.freshet.api.common.typeutils.base.InstantSerializer;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.LongSerializer;
import io.freshet.api.common.typeutils.base.ShortSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.common.typeutils.base.VoidSerializer;

/**
 * Type information of the basic types: String, the boxed primitives, Date, Void, BigInteger, BigDecimal and
 * Instant. They are atomic (arity 1) and, except for Void, usable as keys. Each has one shared instance, the
 * constants below; {@link #getInfoFor(Class)} also maps the primitive classes to them.
 */
public class BasicTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO =
            new BasicTypeInfo<>(String.class, new Class<?>[] {}, StringSerializer.INSTANCE, true);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO =
            new BasicTypeInfo<>(Boolean.class, new Class<?>[] {}, BooleanSerializer.INSTANCE, true);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new IntegerTypeInfo<>(Byte.class,
            new Class<?>[] {Short.class, Integer.class, Long.class, Float.class, Double.class, Character.class},
            ByteSerializer.INSTANCE);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new IntegerTypeInfo<>(Short.class,
            new Class<?>[] {Integer.class, Long.class, Float.class, Double.class, Character.class},
            ShortSerializer.INSTANCE);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new IntegerTypeInfo<>(Integer.class,
            new Class<?>[] {Long.class, Float.class, Double.class, Character.class}, IntSerializer.INSTANCE);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new IntegerTypeInfo<>(Long.class,
            new Class<?>[] {Float.class, Double.class, Character.class}, LongSerializer.INSTANCE);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO =
            new FractionalTypeInfo<>(Float.class, new Class<?>[] {Double.class}, FloatSerializer.INSTANCE);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO =
            new FractionalTypeInfo<>(Double.class, new Class<?>[] {}, DoubleSerializer.INSTANCE);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO =
            new BasicTypeInfo<>(Character.class, new Class<?>[] {}, CharSerializer.INSTANCE, true);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO =
            new BasicTypeInfo<>(Date.class, new Class<?>[] {}, DateSerializer.INSTANCE, true);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO =
            new BasicTypeInfo<>(Void.class, new Class<?>[] {}, VoidSerializer.INSTANCE, false);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO =
            new BasicTypeInfo<>(BigInteger.class, new Class<?>[] {}, BigIntSerializer.INSTANCE, true);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO =
            new BasicTypeInfo<>(BigDecimal.class, new Class<?>[] {}, BigDecSerializer.INSTANCE, true);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO =
            new BasicTypeInfo<>(Instant.class, new Class<?>[] {}, InstantSerializer.INSTANCE, true);

    private static final Map<Class<?>, BasicTypeInfo<?>> TYPES = new HashMap<>();

    static {
        register(STRING_TYPE_INFO);
        register(BOOLEAN_TYPE_INFO, boolean.class);
        register(BYTE_TYPE_INFO, byte.class);
        register(SHORT_TYPE_INFO, short.class);
        register(INT_TYPE_INFO, int.class);
        register(LONG_TYPE_INFO, long.class);
        register(FLOAT_TYPE_INFO, float.class);
        register(DOUBLE_TYPE_INFO, double.class);
        register(CHAR_TYPE_INFO, char.class);
        register(DATE_TYPE_INFO);
        register(VOID_TYPE_INFO, void.class);
        register(BIG_INT_TYPE_INFO);
        register(BIG_DEC_TYPE_INFO);
        register(INSTANT_TYPE_INFO);
    }

    private static void register(BasicTypeInfo<?> info, Class<?>... aliases) {
        TYPES.put(info.getTypeClass(), info);
        for (Class<?> alias : aliases) {
            TYPES.put(alias, info);
        }
    }

    private final Class<T> clazz;
    private final Class<?>[] possibleCastTargetTypes;
    private final TypeSerializer<T> serializer;
    private final boolean keyType;

    protected BasicTypeInfo(Class<T> clazz, Class<?>[] possibleCastTargetTypes, TypeSerializer<T> serializer) {
        this(clazz, possibleCastTargetTypes, serializer, true);
    }

    private BasicTypeInfo(
            Class<T> clazz, Class<?>[] possibleCastTargetTypes, TypeSerializer<T> serializer, boolean keyType) {
        this.clazz = Objects.requireNonNull(clazz, "clazz");
        this.possibleCastTargetTypes = Objects.requireNonNull(possibleCastTargetTypes, "possibleCastTargetTypes");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.keyType = keyType;
    }

    /** True when values of this type widen to {@code to} without loss, as Java's primitive widening does. */
    public boolean shouldAutocastTo(BasicTypeInfo<?> to) {
        for (Class<?> target : possibleCastTargetTypes) {
            if (target == to.getTypeClass()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isBasicType() {
        return true;
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
        return clazz;
    }

    @Override
    public boolean isKeyType() {
        return keyType;
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

    @Override
    public int hashCode() {
        return 31 * clazz.hashCode() + Arrays.hashCode(possibleCastTargetTypes);
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof BasicTypeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof BasicTypeInfo)) {
            return false;
        }
        BasicTypeInfo<?> other = (BasicTypeInfo<?>) obj;
        return other.canEqual(this) && clazz == other.clazz && serializer.equals(other.serializer)
                && Arrays.equals(possibleCastTargetTypes, other.possibleCastTargetTypes);
    }

    @Override
    public String toString() {
        return clazz.getSimpleName();
    }

    /**
     * The basic type information of {@code type}, or null when it is not a basic type. Primitive classes
     * ({@code int.class}) map to the information of their boxed class.
     */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        Objects.requireNonNull(type, "type class must not be null");
        return (BasicTypeInfo<X>) TYPES.get(type);
    }
}
