package io.freshet.api.java.typeutils;

import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.EnumSerializer;

/** Type information of an enum: atomic, usable as a key, serialized by {@link EnumSerializer}. */
public class EnumTypeInfo<T extends Enum<T>> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public EnumTypeInfo(Class<T> typeClass) {
        Objects.requireNonNull(typeClass, "typeClass");
        if (!Enum.class.isAssignableFrom(typeClass)) {
            throw new IllegalArgumentException("EnumTypeInfo describes enums only, not " + typeClass.getName());
        }
        this.typeClass = typeClass;
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
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new EnumSerializer<>(typeClass);
    }

    @Override
    @Deprecated
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new EnumSerializer<>(typeClass);
    }

    @Override
    public String toString() {
        return "EnumTypeInfo<" + typeClass.getName() + ">";
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof EnumTypeInfo;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof EnumTypeInfo)) {
            return false;
        }
        EnumTypeInfo<?> other = (EnumTypeInfo<?>) obj;
        return other.canEqual(this) && typeClass == other.typeClass;
    }
}
