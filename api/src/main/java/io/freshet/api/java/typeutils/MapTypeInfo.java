package io.freshet.api.java.typeutils;

import java.util.Map;
import java.util.Objects;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.serialization.SerializerConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.base.MapSerializer;

/**
 * Type information of {@link Map}s (read back as {@code HashMap}); values may be null. A map is opaque to field
 * expressions (arity 0, one total field) and is not usable as a key.
 */
public class MapTypeInfo<K, V> extends TypeInformation<Map<K, V>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<K> keyTypeInfo;
    private final TypeInformation<V> valueTypeInfo;

    public MapTypeInfo(TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        this.keyTypeInfo = Objects.requireNonNull(keyTypeInfo, "keyTypeInfo");
        this.valueTypeInfo = Objects.requireNonNull(valueTypeInfo, "valueTypeInfo");
    }

    public MapTypeInfo(Class<K> keyClass, Class<V> valueClass) {
        this(TypeExtractor.createTypeInfo(Objects.requireNonNull(keyClass, "keyClass")),
                TypeExtractor.createTypeInfo(Objects.requireNonNull(valueClass, "valueClass")));
    }

    public TypeInformation<K> getKeyTypeInfo() {
        return keyTypeInfo;
    }

    public TypeInformation<V> getValueTypeInfo() {
        return valueTypeInfo;
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
        // like arrays, maps are one opaque field for field addressing
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<Map<K, V>> getTypeClass() {
        return (Class<Map<K, V>>) (Class<?>) Map.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Map<K, V>> createSerializer(SerializerConfig config) {
        return new MapSerializer<>(keyTypeInfo.createSerializer(config), valueTypeInfo.createSerializer(config));
    }

    @Override
    @Deprecated
    public TypeSerializer<Map<K, V>> createSerializer(ExecutionConfig config) {
        return new MapSerializer<>(keyTypeInfo.createSerializer(config), valueTypeInfo.createSerializer(config));
    }

    @Override
    public String toString() {
        return "Map<" + keyTypeInfo + ", " + valueTypeInfo + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof MapTypeInfo)) {
            return false;
        }
        MapTypeInfo<?, ?> other = (MapTypeInfo<?, ?>) obj;
        return other.canEqual(this) && keyTypeInfo.equals(other.keyTypeInfo) && valueTypeInfo.equals(other.valueTypeInfo);
    }

    @Override
    public int hashCode() {
        return 31 * keyTypeInfo.hashCode() + valueTypeInfo.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }
}
