package io.freshet.api.common.state;

import java.util.Map;

import io.freshet.api.common.ExecutionConfig;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.typeutils.TypeExtractor;

/** Describes a {@link MapState}: its name and key and value types. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

    private static final long serialVersionUID = 1L;

    private final Class<UK> keyClass;
    private final Class<UV> valueClass;
    private TypeInformation<UK> keyType;
    private TypeInformation<UV> valueType;
    private TypeSerializer<UK> keySerializer;
    private TypeSerializer<UV> valueSerializer;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, (Class) Map.class);
        this.keyClass = keyClass;
        this.valueClass = valueClass;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, TypeInformation<UK> keyTypeInfo, TypeInformation<UV> valueTypeInfo) {
        super(name, (Class) Map.class);
        this.keyClass = null;
        this.valueClass = null;
        this.keyType = keyTypeInfo;
        this.valueType = valueTypeInfo;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public MapStateDescriptor(String name, TypeSerializer<UK> keySerializer, TypeSerializer<UV> valueSerializer) {
        super(name, (Class) Map.class);
        this.keyClass = null;
        this.valueClass = null;
        this.keySerializer = java.util.Objects.requireNonNull(keySerializer, "keySerializer");
        this.valueSerializer = java.util.Objects.requireNonNull(valueSerializer, "valueSerializer");
    }

    /** Creates the key and value serializers from their types if they were not given; idempotent. */
    @Override
    public synchronized void initializeSerializerUnlessSet(ExecutionConfig config) {
        if (keySerializer == null) {
            keySerializer = (keyType != null ? keyType : TypeExtractor.createTypeInfo(keyClass))
                    .createSerializer(config);
        }
        if (valueSerializer == null) {
            valueSerializer = (valueType != null ? valueType : TypeExtractor.createTypeInfo(valueClass))
                    .createSerializer(config);
        }
    }

    @Override
    public synchronized boolean isSerializerInitialized() {
        return keySerializer != null && valueSerializer != null;
    }

    public synchronized TypeSerializer<UK> getKeySerializer() {
        if (keySerializer == null) {
            throw new IllegalStateException("The key serializer of state '" + getName() + "' is not initialized yet.");
        }
        return keySerializer.duplicate();
    }

    public synchronized TypeSerializer<UV> getValueSerializer() {
        if (valueSerializer == null) {
            throw new IllegalStateException("The value serializer of state '" + getName()
                    + "' is not initialized yet.");
        }
        return valueSerializer.duplicate();
    }
}
