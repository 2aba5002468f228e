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

    /**
     * Writes the snapshot of an older version of {@link Location}: fields (name, layout) in order, each with an
     * int or string serializer as its layout says.
     */
    private static PojoSerializer.PojoSerializerSnapshot<Location> oldLocationSnapshot(Object... namesAndLayouts)
            throws IOException {
        DataOutputSerializer snapshot = new DataOutputSerializer(64);
        snapshot.writeUTF(Location.class.getName());
        int count = namesAndLayouts.length / 2;
        snapshot.writeInt(count);
        for (int i = 0; i < count; i++) {
            snapshot.writeUTF((String) namesAndLayouts[2 * i]);
            snapshot.writeByte((Byte) namesAndLayouts[2 * i + 1]);
        }
        snapshot.writeInt(count);
        for (int i = 0; i < count; i++) {
            TypeSerializerSnapshot.writeVersionedSnapshot(snapshot,
                    (Byte) namesAndLayouts[2 * i + 1] == PojoSerializer.P_STRING
                            ? StringSerializer.INSTANCE.snapshotConfiguration()
                            : IntSerializer.INSTANCE.snapshotConfiguration());
        }
        snapshot.writeInt(0); // no subclasses
        PojoSerializer.PojoSerializerSnapshot<Location> old = new PojoSerializer.PojoSerializerSnapshot<>();
        old.readSnapshot(1, new DataInputDeserializer(snapshot.getCopyOfBuffer()), PojoSerializerTest.class.getClassLoader());
        return old;
    }

    @Test
    void removedPrimitiveFieldIsReadAndDroppedDuringMigration() throws Exception {
        // Location once had an int field 'zip' (sorted: name, population, zip)
        PojoSerializer.PojoSerializerSnapshot<Location> oldSnapshot = oldLocationSnapshot(
                "name", PojoSerializer.P_STRING, "population", PojoSerializer.P_INT, "zip", PojoSerializer.P_INT);
        DataOutputSerializer oldState = new DataOutputSerializer(64);
        oldState.writeByte(1);
        StringSerializer.writeString("paris", oldState);
        oldState.writeInt(2_100_000);
        oldState.writeInt(75001); // zip, a raw int: the layout, not today's class, says so
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
    void fieldChangedFromBoxedToPrimitiveNeedsMigrationAndIsConverted() throws Exception {
        // 'population' was an Integer (null flag + int), it is an int now; the serializers are both IntSerializer
        PojoSerializer.PojoSerializerSnapshot<Location> oldSnapshot = oldLocationSnapshot(
                "name", PojoSerializer.P_STRING, "population", PojoSerializer.P_OBJECT);
        DataOutputSerializer oldState = new DataOutputSerializer(64);
        oldState.writeByte(1);
        StringSerializer.writeString("oslo", oldState);
        oldState.writeBoolean(true);
        oldState.writeInt(700_000);
        oldState.writeByte(1);
        StringSerializer.writeString("nowhere", oldState);
        oldState.writeBoolean(false); // a null population

        assertThat(serializerFor(Location.class).snapshotConfiguration().resolveSchemaCompatibility(oldSnapshot)
                .isCompatibleAfterMigration()).isTrue();
        TypeSerializer<Location> restored = oldSnapshot.restoreSerializer();
        DataInputDeserializer in = new DataInputDeserializer(oldState.getCopyOfBuffer());
        Location first = restored.deserialize(in);
        Location second = restored.deserialize(in);
        assertThat(first.population).isEqualTo(700_000);
        assertThat(second.name).isEqualTo("nowhere");
        assertThat(second.population).isZero();
    }

    @Test
    void restoredSerializerWithAMissingFieldDuplicatesAndSnapshotsAgain() throws Exception {
        PojoSerializer.PojoSerializerSnapshot<Location> oldSnapshot = oldLocationSnapshot(
                "name", PojoSerializer.P_STRING, "zip", PojoSerializer.P_INT);
        TypeSerializer<Location> restored = oldSnapshot.restoreSerializer();

        TypeSerializer<Location> duplicate = restored.duplicate();

        assertThat(duplicate).isEqualTo(restored);
        assertThat(roundTrip(duplicate.snapshotConfiguration()).restoreSerializer()).isEqualTo(restored);
    }

    @Test
    void subclassSerializersAreInTheSnapshot() throws Exception {
        TypeSerializer<Location> serializer = serializerFor(Location.class);
        NamedLocation named = new NamedLocation();
        named.name = "n";
        named.alias = "a";
        byte[] bytes = bytes(serializer, named);

        TypeSerializerSnapshot<Location> snapshot = roundTrip(serializer.snapshotConfiguration());

        assertThat(snapshot.restoreSerializer().deserialize(new DataInputDeserializer(bytes))).isEqualTo(named);
        assertThat(serializerFor(Location.class).snapshotConfiguration().resolveSchemaCompatibility(snapshot)
                .isCompatibleAsIs()).isTrue();
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
