package io.freshet.api.common.typeinfo;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.TypeExtractor;

/**
 * Describes the type of the records of a stream or data set, and creates the {@link TypeSerializer} for it.
 * The runtime never looks at a record's class at run time: the type information chosen when the program is
 * built decides how records are serialized, compared and hashed.
 *
 * <p>Obtain it with {@link #of(Class)}, {@link #of(TypeHint)} or the constants of {@link Types}.
 *
 * @param <T> the described type
 */
public abstract class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** True for the basic types: boxed primitives, String, BigInteger, BigDecimal, Date, Instant, Void. */
    public abstract boolean isBasicType();

    /** True for Freshet tuples ({@code Tuple0..Tuple25}). */
    public abstract boolean isTupleType();

    /** The number of direct fields (1 for atomic types). */
    public abstract int getArity();

    /** The number of atomic fields, counting the fields of nested composite types recursively. */
    public abstract int getTotalFields();

    public abstract Class<T> getTypeClass();

    /** The type information of the type's generic parameters, by name; empty by default. */
    public Map<String, TypeInformation<?>> getGenericParameters() {
        return Collections.emptyMap();
    }

    /** True when values of this type can be used as keys (grouping, joining, keyBy). */
    public abstract boolean isKeyType();

    /** True when values of this type can be sorted. */
    public boolean isSortKeyType() {
        return isKeyType();
    }

    /** Creates the serializer, honouring Kryo registrations and the generic-types switch of {@code config}. */
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return createSerializer(new ExecutionConfig(config));
    }

    /**
     * Creates the serializer.
     *
     * @deprecated since Flink 1.19 the serializer configuration lives in {@link SerializerConfig}; use
     *     {@link #createSerializer(SerializerConfig)}. Subclasses still implement this method.
     */
    @Deprecated
    public abstract TypeSerializer<T> createSerializer(ExecutionConfig config);

    @Override
    public abstract String toString();

    @Override
    public abstract boolean equals(Object obj);

    @Override
    public abstract int hashCode();

    /** True when {@code obj} may be equal to this type information (symmetric equality across subclasses). */
    public abstract boolean canEqual(Object obj);

    /**
     * The type information of a class. Generic classes lose their parameters to erasure: use
     * {@link #of(TypeHint)} for them, e.g. {@code TypeInformation.of(new TypeHint<Tuple2<String, Long>>(){})}.
     */
    public static <T> TypeInformation<T> of(Class<T> typeClass) {
        return TypeExtractor.createTypeInfo(typeClass);
    }

    /** The type information captured by a type hint, generic parameters included. */
    public static <T> TypeInformation<T> of(TypeHint<T> typeHint) {
        return typeHint.getTypeInfo();
    }
}
