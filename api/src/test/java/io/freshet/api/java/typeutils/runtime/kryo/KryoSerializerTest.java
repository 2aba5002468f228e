package io.freshet.api.java.typeutils.runtime.kryo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.java.typeutils.GenericTypeInfo;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

class KryoSerializerTest {

    /** A class that breaks the POJO rules (final fields, no default constructor) goes to Kryo. */
    @Nested
    class NonPojoClass extends SerializerTestBase<Reading> {

        @Override
        protected TypeSerializer<Reading> createSerializer() {
            return TypeInformation.of(Reading.class).createSerializer(new SerializerConfigImpl());
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<Reading> getTypeClass() {
            return Reading.class;
        }

        @Override
        protected Reading[] getTestData() {
            RandomTestData random = new RandomTestData();
            String[] strings = random.strings(8, false);
            Reading[] data = new Reading[strings.length + 1];
            for (int i = 0; i < strings.length; i++) {
                double[] values = new double[i % 4];
                Arrays.fill(values, random.random().nextDouble());
                data[i] = new Reading(strings[i], random.random().nextLong(), values);
            }
            return data;
        }
    }

    /** An interface type: values of different implementations keep their class. */
    @Nested
    class InterfaceType extends SerializerTestBase<List<String>> {

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected TypeSerializer<List<String>> createSerializer() {
            return new KryoSerializer(List.class, new SerializerConfigImpl());
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Class<List<String>> getTypeClass() {
            return (Class) List.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected List<String>[] getTestData() {
            return new List[] {new ArrayList<>(List.of("a", "b")), new LinkedList<>(List.of("größe")),
                new ArrayList<>(), null};
        }

        @Override
        protected boolean valuesEqual(List<String> expected, List<String> actual) {
            return Objects.equals(expected, actual) && (expected == null || expected.getClass() == actual.getClass());
        }
    }

    @Test
    void registeredCustomSerializerIsUsed() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.registerTypeWithKryoSerializer(Reading.class, ReadingSerializer.class);
        TypeSerializer<Reading> serializer = TypeInformation.of(Reading.class).createSerializer(config);

        DataOutputSerializer out = new DataOutputSerializer(32);
        serializer.serialize(new Reading("s", 5L, new double[0]), out);
        Reading read = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read.sensor).isEqualTo("s by ReadingSerializer");
        assertThat(read.timestamp).isEqualTo(5L);
    }

    @Test
    void disabledGenericTypesFailNamingTheType() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);

        assertThatThrownBy(() -> TypeInformation.of(Reading.class).createSerializer(config))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(Reading.class.getName())
                .hasMessageContaining("pipeline.generic-types");
    }

    @Test
    void sameRegistrationsAreCompatibleAsIs() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.registerKryoType(Reading.class);
        KryoSerializer<Map<?, ?>> old = new KryoSerializer<>(mapClass(), config);
        KryoSerializer<Map<?, ?>> current = new KryoSerializer<>(mapClass(), config.copy());

        assertThat(current.snapshotConfiguration().resolveSchemaCompatibility(old.snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();
    }

    @Test
    void changedRegistrationsKeepTheOldClassIdsInAReconfiguredSerializer() throws IOException {
        SerializerConfigImpl oldConfig = new SerializerConfigImpl();
        oldConfig.registerKryoType(Reading.class);
        oldConfig.registerKryoType(Point.class);
        KryoSerializer<Map<?, ?>> old = new KryoSerializer<>(mapClass(), oldConfig);
        Map<String, Object> value = new HashMap<>(Map.of("r", new Reading("x", 1, new double[] {2}), "p", new Point()));
        DataOutputSerializer out = new DataOutputSerializer(64);
        old.serialize(value, out);
        SerializerConfigImpl newConfig = new SerializerConfigImpl();
        newConfig.registerKryoType(Point.class); // other order: Point would get Reading's old id
        newConfig.registerKryoType(Reading.class);
        KryoSerializer<Map<?, ?>> current = new KryoSerializer<>(mapClass(), newConfig);

        TypeSerializerSchemaCompatibility<Map<?, ?>> compatibility =
                current.snapshotConfiguration().resolveSchemaCompatibility(old.snapshotConfiguration());

        assertThat(compatibility.isCompatibleWithReconfiguredSerializer()).isTrue();
        Map<?, ?> read = compatibility.getReconfiguredSerializer()
                .deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read).isEqualTo(value);
        // without the reconfiguration the new ids would be wrong for the old bytes
        Object misread;
        try {
            misread = current.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        } catch (IOException | RuntimeException e) {
            misread = e;
        }
        assertThat(misread).isNotEqualTo(value);
    }

    @Test
    void everyDuplicateUsesItsOwnCopyOfARegisteredSerializerInstance() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        CountingSerializer registered = new CountingSerializer("!");
        config.registerTypeWithKryoSerializer(Reading.class, registered);
        TypeSerializer<Reading> serializer = TypeInformation.of(Reading.class).createSerializer(config);

        for (TypeSerializer<Reading> s : List.of(serializer, serializer.duplicate(), serializer.duplicate())) {
            s.serialize(new Reading("a", 1, new double[0]), new DataOutputSerializer(16));
        }

        assertThat(registered.uses).isZero();
    }

    @Test
    void snapshotKeepsTheSettingsOfARegisteredSerializerInstance() throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.registerTypeWithKryoSerializer(Reading.class, new CountingSerializer(" (v2)"));
        TypeSerializer<Reading> serializer = TypeInformation.of(Reading.class).createSerializer(config);
        DataOutputSerializer snapshot = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshot, serializer.snapshotConfiguration());
        TypeSerializer<Reading> restored = TypeSerializerSnapshot.<Reading>readVersionedSnapshot(
                new DataInputDeserializer(snapshot.getCopyOfBuffer()), getClass().getClassLoader()).restoreSerializer();

        DataOutputSerializer out = new DataOutputSerializer(16);
        restored.serialize(new Reading("s", 1, new double[0]), out);

        assertThat(restored.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())).sensor).isEqualTo("s (v2)");
    }

    @Test
    void defaultSerializerOfTheOldJobIsKeptWhenReconfiguring() throws IOException {
        SerializerConfigImpl oldConfig = new SerializerConfigImpl();
        oldConfig.addDefaultKryoSerializer(Reading.class, ReadingSerializer.class);
        KryoSerializer<Map<?, ?>> old = new KryoSerializer<>(mapClass(), oldConfig);
        Map<String, Object> value = new HashMap<>(Map.of("r", new Reading("x", 1, new double[0])));
        DataOutputSerializer out = new DataOutputSerializer(64);
        old.serialize(value, out);
        SerializerConfigImpl newConfig = new SerializerConfigImpl();
        newConfig.registerKryoType(Point.class);
        KryoSerializer<Map<?, ?>> current = new KryoSerializer<>(mapClass(), newConfig);

        TypeSerializerSchemaCompatibility<Map<?, ?>> compatibility =
                current.snapshotConfiguration().resolveSchemaCompatibility(old.snapshotConfiguration());

        assertThat(compatibility.isCompatibleWithReconfiguredSerializer()).isTrue();
        Map<?, ?> read = compatibility.getReconfiguredSerializer().deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(((Reading) read.get("r")).sensor).isEqualTo("x by ReadingSerializer");
    }

    @Test
    void genericTypeInfoCreatesAKryoSerializer() {
        assertThat(new GenericTypeInfo<>(Reading.class).createSerializer(new SerializerConfigImpl()))
                .isInstanceOf(KryoSerializer.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<?, ?>> mapClass() {
        return (Class) Map.class;
    }

    // ---- test types ----

    public static final class Reading {
        final String sensor;
        final long timestamp;
        final double[] values;

        public Reading(String sensor, long timestamp, double[] values) {
            this.sensor = sensor;
            this.timestamp = timestamp;
            this.values = values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reading && Objects.equals(((Reading) o).sensor, sensor)
                    && ((Reading) o).timestamp == timestamp && Arrays.equals(((Reading) o).values, values);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(sensor);
        }
    }

    public static class Point {
        public int x = 3;

        @Override
        public boolean equals(Object o) {
            return o instanceof Point && ((Point) o).x == x;
        }

        @Override
        public int hashCode() {
            return x;
        }
    }

    public static class CountingSerializer extends Serializer<Reading> implements Serializable {
        private final String suffix;
        int uses;

        public CountingSerializer(String suffix) {
            this.suffix = suffix;
        }

        @Override
        public void write(Kryo kryo, Output output, Reading reading) {
            uses++;
            output.writeString(reading.sensor + suffix);
            output.writeLong(reading.timestamp);
        }

        @Override
        public Reading read(Kryo kryo, Input input, Class<? extends Reading> type) {
            return new Reading(input.readString(), input.readLong(), new double[0]);
        }
    }

    public static class ReadingSerializer extends Serializer<Reading> implements Serializable {
        @Override
        public void write(Kryo kryo, Output output, Reading reading) {
            output.writeString(reading.sensor + " by ReadingSerializer");
            output.writeLong(reading.timestamp);
        }

        @Override
        public Reading read(Kryo kryo, Input input, Class<? extends Reading> type) {
            return new Reading(input.readString(), input.readLong(), new double[0]);
        }
    }
}
