package io.freshet.api.common.serialization;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;

import com.esotericsoftware.kryo.Serializer;

import io.freshet.api.common.ExecutionConfig.SerializableSerializer;

/**
 * How a job serializes its types: whether unknown (generic) types may fall back to Kryo, whether Kryo is forced
 * for POJOs too, and the Kryo registrations.
 *
 * <p>Freshet uses Kryo 5. Custom serializers extend {@code com.esotericsoftware.kryo.Serializer} of Kryo 5
 * ({@code write(Kryo, Output, T)} and {@code read(Kryo, Input, Class<? extends T>)}); Flink's were Kryo 2 ones.
 */
public interface SerializerConfig extends Serializable {

    <T extends Serializer<?> & Serializable> void addDefaultKryoSerializer(Class<?> type, T serializer);

    void addDefaultKryoSerializer(Class<?> type, Class<? extends Serializer<?>> serializerClass);

    <T extends Serializer<?> & Serializable> void registerTypeWithKryoSerializer(Class<?> type, T serializer);

    @SuppressWarnings("rawtypes")
    void registerTypeWithKryoSerializer(Class<?> type, Class<? extends Serializer> serializerClass);

    void registerPojoType(Class<?> type);

    void registerKryoType(Class<?> type);

    LinkedHashMap<Class<?>, SerializableSerializer<?>> getRegisteredTypesWithKryoSerializers();

    LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> getRegisteredTypesWithKryoSerializerClasses();

    LinkedHashMap<Class<?>, SerializableSerializer<?>> getDefaultKryoSerializers();

    LinkedHashMap<Class<?>, Class<? extends Serializer<?>>> getDefaultKryoSerializerClasses();

    LinkedHashSet<Class<?>> getRegisteredKryoTypes();

    LinkedHashSet<Class<?>> getRegisteredPojoTypes();

    /** True when a type that would be serialized with Kryo is an error ({@code pipeline.generic-types: false}). */
    boolean hasGenericTypesDisabled();

    void setGenericTypes(boolean genericTypes);

    /** True when POJOs are serialized with Kryo as well ({@code pipeline.force-kryo: true}). */
    boolean isForceKryoEnabled();

    void setForceKryo(boolean forceKryo);

    SerializerConfig copy();
}
