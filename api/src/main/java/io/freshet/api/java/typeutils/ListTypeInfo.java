package io.freshet.api.java.typeutils;

import java.util.List;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.ListSerializer;

/**
 * Type information of {@link List}s (read back as {@code ArrayList}). A list is opaque to field expressions
 * (arity 0, one total field) and is not usable as a key.
 */
public final class ListTypeInfo<T> extends TypeInformation<List<T>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<T> elementTypeInfo;

    public ListTypeInfo(Class<T> elementTypeClass) {
        this(TypeExtractor.createTypeInfo(Objects.requireNonNull(elementTypeClass, "elementTypeClass")));
    }

    public ListTypeInfo(TypeInformation<T> elementTypeInfo) {
        this.elementTypeInfo = Objects.requireNonNull(elementTypeInfo, "elementTypeInfo");
    }

    public TypeInformation<T> getElementTypeInfo() {
        return elementTypeInfo;
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
        return 0;
    }

    @Override
    public int getTotalFields() {
        // like arrays, lists are one opaque field for field addressing
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<List<T>> getTypeClass() {
        return (Class<List<T>>) (Class<?>) List.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> createSerializer(SerializerConfig config) {
        return new ListSerializer<>(elementTypeInfo.createSerializer(config));
    }

    @Override
    @Deprecated
    public TypeSerializer<List<T>> createSerializer(ExecutionConfig config) {
        return new ListSerializer<>(elementTypeInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "List<" + elementTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof ListTypeInfo)) {
            return false;
        }
        ListTypeInfo<?> other = (ListTypeInfo<?>) obj;
        return other.canEqual(this) && elementTypeInfo.equals(other.elementTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * elementTypeInfo.hashCode() + 1;
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }
}
