package io.freshet.api.java.typeutils;

import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.functions.InvalidTypesException;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.runtime.kryo.KryoSerializer;

/**
 * Type information of a type Freshet knows nothing about: it is serialized with Kryo. Generic types are slower
 * and their state cannot evolve; {@code pipeline.generic-types: false} turns their use into an error.
 */
public class GenericTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
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
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return Comparable.class.isAssignableFrom(typeClass);
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        if (config.hasGenericTypesDisabled()) {
            throw new UnsupportedOperationException("Generic types have been disabled (pipeline.generic-types: false),"
                    + " but type " + typeClass.getName() + " would be serialized with Kryo as a generic type."
                    + " Make it a POJO (public class, public no-argument constructor, fields public or with getters"
                    + " and setters), give its type with returns(...), or enable generic types.");
        }
        return new KryoSerializer<>(typeClass, config);
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return createSerializer(config.getSerializerConfig());
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof GenericTypeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericTypeInfo && ((GenericTypeInfo<?>) obj).canEqual(this)
                && typeClass == ((GenericTypeInfo<?>) obj).typeClass;
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getCanonicalName() + ">";
    }
}
