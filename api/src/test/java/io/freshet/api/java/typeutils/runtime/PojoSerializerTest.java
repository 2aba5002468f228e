package io.freshet.api.java.typeutils.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.common.typeutils.TypeSerializerSchemaCompatibility;
import io.freshet.api.common.typeutils.TypeSerializerSnapshot;
import io.freshet.api.common.typeutils.base.IntSerializer;
import io.freshet.api.common.typeutils.base.StringSerializer;
import io.freshet.api.java.typeutils.PojoTypeInfo;
import io.freshet.api.java.typeutils.runtime.kryo.KryoSerializer;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;

class PojoSerializerTest {

    private static <T> TypeSerializer<T> serializerFor(Class<T> type) {
        return TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
    }

    /** Every kind of field: primitives, strings and boxed values (null or not), nested POJOs, enums, Kryo fields. */
    @Nested
    class AllFieldKinds extends SerializerTestBase<Event> {

        @Override
        protected TypeSerializer<Event> createSerializer() {
            return serializerFor(Event.class);
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<Event> getTypeClass() {
            return Event.class;
        }

        @Override
        protected Event[] getTestData() {
            RandomTestData random = new RandomTestData();
            String[] strings = random.strings(10, true);
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < strings.length; i++) {
                events.add(Event.random(random, strings[i], i));
            }
            events.add(null);
            events.add(new Event());
            return events.toArray(new Event[0]);
        }
    }

    /** A record whose runtime class is a subclass of the declared POJO type keeps its class and fields. */
    @Nested
    class Subclasses extends SerializerTestBase<Location> {

        @Override
        protected TypeSerializer<Location> createSerializer() {
            return serializerFor(Location.class);
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<Location> getTypeClass() {
            return Location.class;
        }

        @Override
        protected Location[] getTestData() {
            Location plain = new Location();
            plain.name = "base";
            NamedLocation named = new NamedLocation();
            named.name = "derived";
            named.alias = "alias";
            return new Location[] {plain, named, null};
        }

        @Override
        protected boolean valuesEqual(Location expected, Location actual) {
            return Objects.equals(expected, actual) && (expected == null || expected.getClass() == actual.getClass());
        }
    }

    @Test
    void forceKryoSerializesPojosWithKryo() {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setForceKryo(true);

        assertThat(TypeInformation.of(Event.class).createSerializer(config)).isInstanceOf(KryoSerializer.class);
    }

    @Test
    void sameFieldsAreCompatibleAsIs() {
        TypeSerializerSnapshot<Event> old = serializerFor(Event.class).snapshotConfiguration();

        assertThat(serializerFor(Event.class).snapshotConfiguration().resolveSchemaCompatibility(old).isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void addedFieldNeedsMigrationAndOldStateReadsIntoTheNewClass() throws Exception {
        // the "old" version of Location knew only 'name'
        PojoSerializer<Location> oldSerializer = new PojoSerializer<>(Location.class,
                new java.lang.reflect.Field[] {Location.class.getField("name")},
                new TypeSerializer<?>[] {StringSerializer.INSTANCE}, new SerializerConfigImpl());
        Location before = new Location();
        before.name = "berlin";
        byte[] oldState = bytes(oldSerializer, before);
        TypeSerializerSnapshot<Location> oldSnapshot = roundTrip(oldSerializer.snapshotConfiguration());

        TypeSerializerSchemaCompatibility<Location> compatibility =
                serializerFor(Location.class).snapshotConfiguration().resolveSchemaCompatibility(oldSnapshot);

        assertThat(compatibility.isCompatibleAfterMigration()).isTrue();
        Location migrated = oldSnapshot.restoreSerializer().deserialize(new DataInputDeserializer(oldState));
        assertThat(migrated.name).isEqualTo("berlin");
        assertThat(migrated.population).isZero();
    }

    @Test
    void removedFieldIsReadAndDroppedDuringMigration() throws Exception {
        // a snapshot written when Location still had an int field 'zip' (sorted: name, population, zip)
        DataOutputSerializer snapshot = new DataOutputSerializer(64);
        snapshot.writeUTF(Location.class.getName());
        snapshot.writeInt(3);
        snapshot.writeUTF("name");
        snapshot.writeUTF("population");
        snapshot.writeUTF("zip");
        snapshot.writeInt(3);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshot, StringSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshot, IntSerializer.INSTANCE.snapshotConfiguration());
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshot, IntSerializer.INSTANCE.snapshotConfiguration());
        PojoSerializer.PojoSerializerSnapshot<Location> oldSnapshot = new PojoSerializer.PojoSerializerSnapshot<>();
        oldSnapshot.readSnapshot(1, new DataInputDeserializer(snapshot.getCopyOfBuffer()), getClass().getClassLoader());
        // an old record: header, name, population (primitive int), zip (a non-primitive field: flag + int)
        DataOutputSerializer oldState = new DataOutputSerializer(64);
        oldState.writeByte(1);
        StringSerializer.writeString("paris", oldState);
        oldState.writeInt(2_100_000);
        oldState.writeBoolean(true);
        oldState.writeInt(75001);
        oldState.writeInt(0xCAFE); // the next record starts here

        assertThat(serializerFor(Location.class).snapshotConfiguration().resolveSchemaCompatibility(oldSnapshot)
                .isCompatibleAfterMigration()).isTrue();
        DataInputDeserializer in = new DataInputDeserializer(oldState.getCopyOfBuffer());
        Location migrated = oldSnapshot.restoreSerializer().deserialize(in);
        assertThat(migrated.name).isEqualTo("paris");
        assertThat(migrated.population).isEqualTo(2_100_000);
        assertThat(in.readInt()).isEqualTo(0xCAFE);
    }

    @Test
    void pojoTypeInfoListsFieldsSortedByName() {
        PojoTypeInfo<?> info = (PojoTypeInfo<?>) TypeInformation.of(Event.class);

        assertThat(info.getFieldNames()).containsExactly(
                "active", "amount", "id", "kind", "label", "location", "note", "tags", "weight");
    }

    private static <T> byte[] bytes(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }

    private static <T> TypeSerializerSnapshot<T> roundTrip(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), PojoSerializerTest.class.getClassLoader());
    }

    // ---- test types ----

    public enum Kind { CLICK, VIEW, PURCHASE }

    public static class Location {
        public String name;
        public int population;

        @Override
        public boolean equals(Object o) {
            return o instanceof Location && Objects.equals(((Location) o).name, name)
                    && ((Location) o).population == population;
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }

    public static class NamedLocation extends Location {
        public String alias;

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && o instanceof NamedLocation && Objects.equals(((NamedLocation) o).alias, alias);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    public static class Event {
        public long id;
        public double weight;
        public boolean active;
        public String label;
        public Integer amount;
        public Kind kind;
        public Location location;
        public List<String> tags;
        private String note;

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }

        static Event random(RandomTestData random, String label, int i) {
            Event e = new Event();
            e.id = random.random().nextLong();
            e.weight = random.random().nextDouble();
            e.active = random.random().nextBoolean();
            e.label = label;
            e.amount = i % 3 == 0 ? null : random.random().nextInt();
            e.kind = i % 4 == 0 ? null : Kind.values()[i % 3];
            if (i % 2 == 0) {
                e.location = new Location();
                e.location.name = label;
                e.location.population = i;
            }
            e.tags = i % 5 == 0 ? null : new ArrayList<>(Arrays.asList("t" + i, label == null ? "x" : "y"));
            e.note = i % 2 == 0 ? null : "note " + i;
            return e;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Event)) {
                return false;
            }
            Event e = (Event) o;
            return id == e.id && Double.compare(weight, e.weight) == 0 && active == e.active
                    && Objects.equals(label, e.label) && Objects.equals(amount, e.amount) && kind == e.kind
                    && Objects.equals(location, e.location) && Objects.equals(tags, e.tags)
                    && Objects.equals(note, e.note);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }
}
