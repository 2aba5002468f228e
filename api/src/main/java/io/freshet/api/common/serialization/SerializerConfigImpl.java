package io.freshet.api.common.serialization;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Objects;

import com.esotericsoftware.kryo.Serializer;

import io.freshet.api.common.ExecutionConfig.SerializableSerializer;

/** The default {@link SerializerConfig}: mutable while the program is built, copied into the job. */
public final class SerializerConfigImpl implements SerializerConfig {

    private static final long serialVersionUID = 1L;

    private boolean genericTypes = true;
    private boolean forceKryo;
    private final LinkedHashMap<Class<?>, SerializableSerializer<?>> registeredSerializers = new LinkedHashMap<>();
    private final LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> registeredSerializerClasses =
            new LinkedHashMap<>();
    private final LinkedHashMap<Class<?>, SerializableSerializer<?>> defaultSerializers = new LinkedHashMap<>();
    private final LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> defaultSerializerClasses =
            new LinkedHashMap<>();
    private final LinkedHashSet<Class<?>> registeredKryoTypes = new LinkedHashSet<>();
    private final LinkedHashSet<Class<?>> registeredPojoTypes = new LinkedHashSet<>();

    @Override
    public <T extends Serializer<?> & Serializable> void addDefaultKryoSerializer(Class<?> type, T serializer) {
        defaultSerializers.put(requireType(type), new SerializableSerializer<>(serializer));
    }

    @Override
    public void addDefaultKryoSerializer(Class<?> type, Class<? extends Serializer<?>> serializerClass) {
        defaultSerializerClasses.put(requireType(type), Objects.requireNonNull(serializerClass, "serializerClass"));
    }

    @Override
    public <T extends Serializer<?> & Serializable> void registerTypeWithKryoSerializer(Class<?> type, T serializer) {
        registeredSerializers.put(requireType(type), new SerializableSerializer<>(serializer));
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void registerTypeWithKryoSerializer(Class<?> type, Class<? extends Serializer> serializerClass) {
        registeredSerializerClasses.put(
                requireType(type), (Class<? extends Serializer<?>>) Objects.requireNonNull(serializerClass, "serializerClass"));
    }

    @Override
    public void registerPojoType(Class<?> type) {
        registeredPojoTypes.add(requireType(type));
    }

    @Override
    public void registerKryoType(Class<?> type) {
        registeredKryoTypes.add(requireType(type));
    }

    @Override
    public LinkedHashMap<Class<?>, SerializableSerializer<?>> getRegisteredTypesWithKryoSerializers() {
        return registeredSerializers;
    }

    @Override
    public LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> getRegisteredTypesWithKryoSerializerClasses() {
        return registeredSerializerClasses;
    }

    @Override
    public LinkedHashMap<Class<?>, SerializableSerializer<?>> getDefaultKryoSerializers() {
        return defaultSerializers;
    }

    @Override
    public LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> getDefaultKryoSerializerClasses() {
        return defaultSerializerClasses;
    }

    @Override
    public LinkedHashSet<Class<?>> getRegisteredKryoTypes() {
        return registeredKryoTypes;
    }

    @Override
    public LinkedHashSet<Class<?>> getRegisteredPojoTypes() {
        return registeredPojoTypes;
    }

    @Override
    public boolean hasGenericTypesDisabled() {
        return !genericTypes;
    }

    @Override
    public void setGenericTypes(boolean genericTypes) {
        this.genericTypes = genericTypes;
    }

    @Override
    public boolean isForceKryoEnabled() {
        return forceKryo;
    }

    @Override
    public void setForceKryo(boolean forceKryo) {
        this.forceKryo = forceKryo;
    }

    @Override
    public SerializerConfigImpl copy() {
        SerializerConfigImpl copy = new SerializerConfigImpl();
        copy.genericTypes = genericTypes;
        copy.forceKryo = forceKryo;
        copy.registeredSerializers.putAll(registeredSerializers);
        copy.registeredSerializerClasses.putAll(registeredSerializerClasses);
        copy.defaultSerializers.putAll(defaultSerializers);
        copy.defaultSerializerClasses.putAll(defaultSerializerClasses);
        copy.registeredKryoTypes.addAll(registeredKryoTypes);
        copy.registeredPojoTypes.addAll(registeredPojoTypes);
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SerializerConfigImpl)) {
            return false;
        }
        SerializerConfigImpl that = (SerializerConfigImpl) o;
        return genericTypes == that.genericTypes && forceKryo == that.forceKryo
                && registeredSerializers.equals(that.registeredSerializers)
                && registeredSerializerClasses.equals(that.registeredSerializerClasses)
                && defaultSerializers.equals(that.defaultSerializers)
                && defaultSerializerClasses.equals(that.defaultSerializerClasses)
                && registeredKryoTypes.equals(that.registeredKryoTypes)
                && registeredPojoTypes.equals(that.registeredPojoTypes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(genericTypes, forceKryo, registeredKryoTypes, registeredPojoTypes,
                registeredSerializerClasses, defaultSerializerClasses);
    }

    @Override
    public String toString() {
        return "SerializerConfig{genericTypes=" + genericTypes + ", forceKryo=" + forceKryo
                + ", registeredKryoTypes=" + registeredKryoTypes + ", registeredPojoTypes=" + registeredPojoTypes
                + ", kryoSerializers=" + registeredSerializerClasses.keySet() + registeredSerializers.keySet()
                + ", defaultKryoSerializers=" + defaultSerializerClasses.keySet() + defaultSerializers.keySet() + '}';
    }

    private static Class<?> requireType(Class<?> type) {
        return Objects.requireNonNull(type, "type");
    }
}
