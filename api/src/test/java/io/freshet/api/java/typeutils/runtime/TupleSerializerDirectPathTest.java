package io.freshet.api.java.typeutils.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.tuple.Tuple;
import io.freshet.api.java.tuple.Tuple1;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.api.java.tuple.Tuple4;
import io.freshet.api.java.tuple.Tuple5;
import io.freshet.api.java.tuple.Tuple6;
import io.freshet.core.memory.DataInputDeserializer;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.types.NullFieldException;

/**
 * The direct record path of {@link TupleSerializer} (arity 1 to 5) against the field serializers themselves: the
 * same bytes as writing each field with its own serializer, the same values back (fresh and into reused tuples),
 * the same treatment of null fields, and copies; arity 6 goes the general path and is held to the same rules.
 */
class TupleSerializerDirectPathTest {

    private static <T> TypeSerializer<T> serializerFor(TypeHint<T> hint) {
        return TypeInformation.of(hint).createSerializer(new SerializerConfigImpl());
    }

    /** The reference format: each field written by its own serializer, one after the other, nothing else. */
    private static <T extends Tuple> byte[] writtenFieldByField(TypeSerializer<T> serializer, T tuple)
            throws IOException {
        TypeSerializer<Object>[] fields = ((TupleSerializer<T>) serializer).getFieldSerializers();
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (int i = 0; i < fields.length; i++) {
            fields[i].serialize(tuple.getField(i), out);
        }
        return out.getCopyOfBuffer();
    }

    private static <T extends Tuple> byte[] serialized(TypeSerializer<T> serializer, T tuple) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(tuple, out);
        return out.getCopyOfBuffer();
    }

    /** Writes, compares the bytes with the reference, and reads back fresh, into a reused tuple and copies. */
    private static <T extends Tuple> void assertRoundTripsExactly(TypeSerializer<T> serializer, T tuple)
            throws IOException {
        byte[] bytes = serialized(serializer, tuple);
        assertThat(bytes).as("bytes of %s", tuple).isEqualTo(writtenFieldByField(serializer, tuple));

        DataInputDeserializer in = new DataInputDeserializer(bytes);
        T fresh = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        assertThat(fresh).isEqualTo(tuple).isNotSameAs(tuple);

        T reuse = serializer.createInstance();
        in.setBuffer(bytes);
        assertThat(serializer.deserialize(reuse, in)).isSameAs(reuse).isEqualTo(tuple);
        assertThat(in.available()).isZero();

        assertThat(serializer.copy(tuple)).isEqualTo(tuple).isNotSameAs(tuple);
        T copyTarget = serializer.createInstance();
        assertThat(serializer.copy(tuple, copyTarget)).isSameAs(copyTarget).isEqualTo(tuple);
    }

    @Test
    void tuplesOfArityOneToFiveRoundTripExactlyAsTheirFieldSerializersWriteThem() throws IOException {
        Random random = new Random(7);
        TypeSerializer<Tuple1<Long>> t1 = serializerFor(new TypeHint<Tuple1<Long>>() {});
        TypeSerializer<Tuple2<Long, Long>> t2 = serializerFor(new TypeHint<Tuple2<Long, Long>>() {});
        TypeSerializer<Tuple2<String, Integer>> t2s = serializerFor(new TypeHint<Tuple2<String, Integer>>() {});
        TypeSerializer<Tuple3<Integer, Double, Boolean>> t3 =
                serializerFor(new TypeHint<Tuple3<Integer, Double, Boolean>>() {});
        TypeSerializer<Tuple4<Float, Short, Byte, Character>> t4 =
                serializerFor(new TypeHint<Tuple4<Float, Short, Byte, Character>>() {});
        TypeSerializer<Tuple5<String, Long, int[], Double, Point>> t5 =
                serializerFor(new TypeHint<Tuple5<String, Long, int[], Double, Point>>() {});

        for (int i = 0; i < 50; i++) {
            assertRoundTripsExactly(t1, Tuple1.of(random.nextLong()));
            assertRoundTripsExactly(t2, Tuple2.of(random.nextLong(), (long) random.nextInt(300) - 150));
            assertRoundTripsExactly(t2s, Tuple2.of("w" + random.nextInt(1000), random.nextInt()));
            assertRoundTripsExactly(t3, Tuple3.of(random.nextInt(), random.nextDouble(), random.nextBoolean()));
            assertRoundTripsExactly(t4, Tuple4.of(random.nextFloat(), (short) random.nextInt(),
                    (byte) random.nextInt(), (char) random.nextInt(0x10000)));
        }
        // Tuple5's int[] field compares by identity in Tuple.equals, so its round trip is checked field by field
        Tuple5<String, Long, int[], Double, Point> five = Tuple5.of("größe", Long.MIN_VALUE, new int[] {1, -2, 3},
                Double.NaN, new Point(4));
        byte[] bytes = serialized(t5, five);
        assertThat(bytes).isEqualTo(writtenFieldByField(t5, five));
        Tuple5<String, Long, int[], Double, Point> reuse = t5.createInstance();
        for (Tuple5<String, Long, int[], Double, Point> read : List.of(
                t5.deserialize(new DataInputDeserializer(bytes)),
                t5.deserialize(reuse, new DataInputDeserializer(bytes)),
                t5.copy(five),
                t5.copy(five, t5.createInstance()))) {
            assertThat(read.f0).isEqualTo("größe");
            assertThat(read.f1).isEqualTo(Long.MIN_VALUE);
            assertThat(read.f2).containsExactly(1, -2, 3).isNotSameAs(five.f2);
            assertThat(read.f3).isNaN();
            assertThat(read.f4).isEqualTo(new Point(4)).isNotSameAs(five.f4);
        }
    }

    @Test
    void nullFieldsAreWrittenWhereTheirSerializerWritesNull() throws IOException {
        TypeSerializer<Tuple5<String, Long, int[], Double, Point>> serializer =
                serializerFor(new TypeHint<Tuple5<String, Long, int[], Double, Point>>() {});
        Tuple5<String, Long, int[], Double, Point> tuple = Tuple5.of(null, 1L, new int[0], 2.0, null);

        byte[] bytes = serialized(serializer, tuple);

        assertThat(bytes).isEqualTo(writtenFieldByField(serializer, tuple));
        Tuple5<String, Long, int[], Double, Point> read = serializer.deserialize(new DataInputDeserializer(bytes));
        assertThat(read.f0).isNull();
        assertThat(read.f4).isNull();
        Tuple5<String, Long, int[], Double, Point> reuse = serializer.createInstance();
        assertThat(serializer.deserialize(reuse, new DataInputDeserializer(bytes)).f4).isNull();
        assertThat(serializer.copy(tuple).f4).isNull();
        assertThat(serializer.copy(tuple, serializer.createInstance()).f0).isNull();
    }

    @Test
    void nullInAFieldWhoseSerializerRejectsNullNamesItsPositionInEveryArity() {
        TypeSerializer<Tuple1<Long>> t1 = serializerFor(new TypeHint<Tuple1<Long>>() {});
        TypeSerializer<Tuple3<Integer, Double, Boolean>> t3 =
                serializerFor(new TypeHint<Tuple3<Integer, Double, Boolean>>() {});
        TypeSerializer<Tuple5<String, Long, int[], Double, Point>> t5 =
                serializerFor(new TypeHint<Tuple5<String, Long, int[], Double, Point>>() {});
        TypeSerializer<Tuple6<Long, Long, Long, Long, Long, Long>> t6 =
                serializerFor(new TypeHint<Tuple6<Long, Long, Long, Long, Long, Long>>() {});

        assertNullFieldAt(0, () -> t1.serialize(Tuple1.of(null), new DataOutputSerializer(16)));
        assertNullFieldAt(2, () -> t3.serialize(Tuple3.of(1, 2.0, null), new DataOutputSerializer(16)));
        assertNullFieldAt(3, () -> t5.serialize(Tuple5.of("a", 1L, new int[0], null, null),
                new DataOutputSerializer(16)));
        assertNullFieldAt(5, () -> t6.serialize(Tuple6.of(1L, 2L, 3L, 4L, 5L, null), new DataOutputSerializer(16)));
    }

    private static void assertNullFieldAt(int position, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(NullFieldException.class)
                .satisfies(e -> assertThat(((NullFieldException) e).getFieldPos()).isEqualTo(position));
    }

    @Test
    void reuseDeserializeOverwritesEveryFieldAndReusesMutableFieldsWhereTheirSerializerCan() throws IOException {
        TypeSerializer<Tuple3<Long, String, Point>> serializer =
                serializerFor(new TypeHint<Tuple3<Long, String, Point>>() {});
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(Tuple3.of(1L, "one", new Point(1)), out);
        serializer.serialize(Tuple3.of(2L, null, null), out);
        serializer.serialize(Tuple3.of(3L, "three", new Point(3)), out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        Tuple3<Long, String, Point> reuse = serializer.createInstance();
        Point point = reuse.f2;

        assertThat(serializer.deserialize(reuse, in)).isSameAs(reuse).isEqualTo(Tuple3.of(1L, "one", new Point(1)));
        assertThat(reuse.f2).isSameAs(point);
        assertThat(serializer.deserialize(reuse, in)).isSameAs(reuse).isEqualTo(Tuple3.of(2L, null, null));
        // the null field cannot be reused: the next value is read afresh
        assertThat(serializer.deserialize(reuse, in)).isSameAs(reuse)
                .isEqualTo(Tuple3.of(3L, "three", new Point(3)));
        assertThat(in.available()).isZero();
    }

    @Test
    void subclassesOfSmallTuplesKeepTheirClassOnEveryRecordPath() throws IOException {
        TypeSerializer<Reading> serializer = TypeInformation.of(Reading.class)
                .createSerializer(new SerializerConfigImpl());
        Reading reading = new Reading("s1", 7L, 0.5);

        byte[] bytes = serialized(serializer, reading);

        assertThat(bytes).isEqualTo(writtenFieldByField(serializer, reading));
        assertThat(serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(Reading.class).isEqualTo(reading);
        assertThat(serializer.deserialize(serializer.createInstance(), new DataInputDeserializer(bytes)))
                .isInstanceOf(Reading.class).isEqualTo(reading);
        assertThat(serializer.copy(reading)).isInstanceOf(Reading.class).isEqualTo(reading);
    }

    @Test
    void aSerializerRestoredByJavaSerializationKeepsTheDirectPath() throws Exception {
        TypeSerializer<Tuple2<String, Integer>> serializer = serializerFor(new TypeHint<Tuple2<String, Integer>>() {});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serializer);
        }
        @SuppressWarnings("unchecked")
        TypeSerializer<Tuple2<String, Integer>> restored = (TypeSerializer<Tuple2<String, Integer>>)
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        assertRoundTripsExactly(restored, Tuple2.of("restored", 3));
        assertNullFieldAt(1, () -> restored.serialize(Tuple2.of("a", null), new DataOutputSerializer(16)));
    }

    // ---- the serializer contract, for mixes of every direct kind and for the general path ----

    @Nested
    class OneFloat extends TupleContract<Tuple1<Float>> {
        OneFloat() {
            super(new TypeHint<Tuple1<Float>>() {}, Tuple1.class, 4);
        }

        @Override
        Tuple1<Float> record(Random random) {
            return Tuple1.of(random.nextFloat());
        }
    }

    @Nested
    class ShortByteChar extends TupleContract<Tuple3<Short, Byte, Character>> {
        ShortByteChar() {
            super(new TypeHint<Tuple3<Short, Byte, Character>>() {}, Tuple3.class, 5);
        }

        @Override
        Tuple3<Short, Byte, Character> record(Random random) {
            return Tuple3.of((short) random.nextInt(), (byte) random.nextInt(), (char) random.nextInt(0x10000));
        }
    }

    @Nested
    class LongStringDoubleBoolean extends TupleContract<Tuple4<Long, String, Double, Boolean>> {
        LongStringDoubleBoolean() {
            super(new TypeHint<Tuple4<Long, String, Double, Boolean>>() {}, Tuple4.class, -1);
        }

        @Override
        Tuple4<Long, String, Double, Boolean> record(Random random) {
            return Tuple4.of(random.nextLong(), random.nextInt(4) == 0 ? null : "s" + random.nextInt(),
                    random.nextDouble(), random.nextBoolean());
        }
    }

    @Nested
    class FiveWithAPojo extends TupleContract<Tuple5<Integer, Long, String, Double, Point>> {
        FiveWithAPojo() {
            super(new TypeHint<Tuple5<Integer, Long, String, Double, Point>>() {}, Tuple5.class, -1);
        }

        @Override
        Tuple5<Integer, Long, String, Double, Point> record(Random random) {
            String text = new RandomTestData(random.nextLong()).randomString(20);
            return Tuple5.of(random.nextInt(), random.nextLong(), text, random.nextDouble(),
                    random.nextInt(3) == 0 ? null : new Point(random.nextInt()));
        }
    }

    /** Arity 6: the general path. */
    @Nested
    class SixLongs extends TupleContract<Tuple6<Long, Long, Long, Long, Long, Long>> {
        SixLongs() {
            super(new TypeHint<Tuple6<Long, Long, Long, Long, Long, Long>>() {}, Tuple6.class, 48);
        }

        @Override
        Tuple6<Long, Long, Long, Long, Long, Long> record(Random random) {
            return Tuple6.of(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong(),
                    random.nextLong(), random.nextLong());
        }
    }

    abstract static class TupleContract<T extends Tuple> extends SerializerTestBase<T> {
        private final TypeHint<T> hint;
        private final Class<?> tupleClass;
        private final int length;

        TupleContract(TypeHint<T> hint, Class<?> tupleClass, int length) {
            this.hint = hint;
            this.tupleClass = tupleClass;
            this.length = length;
        }

        abstract T record(Random random);

        @Override
        protected TypeSerializer<T> createSerializer() {
            return serializerFor(hint);
        }

        @Override
        protected int getLength() {
            return length;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Class<T> getTypeClass() {
            return (Class<T>) tupleClass;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected T[] getTestData() {
            Random random = new Random(RandomTestData.DEFAULT_SEED);
            T[] data = (T[]) Array.newInstance(tupleClass, 12);
            for (int i = 0; i < data.length; i++) {
                data[i] = record(random);
            }
            return data;
        }
    }

    public static class Point {
        public int x;

        public Point() {}

        Point(int x) {
            this.x = x;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Point && ((Point) o).x == x;
        }

        @Override
        public int hashCode() {
            return Objects.hash(x);
        }
    }

    public static class Reading extends Tuple3<String, Long, Double> {
        public Reading() {}

        Reading(String sensor, long time, double value) {
            super(sensor, time, value);
        }
    }
}
