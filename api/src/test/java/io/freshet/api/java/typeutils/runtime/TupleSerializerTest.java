package io.freshet.api.java.typeutils.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.freshet.api.common.serialization.SerializerConfigImpl;
import io.freshet.api.common.typeinfo.TypeHint;
import io.freshet.api.common.typeinfo.TypeInformation;
import io.freshet.api.common.typeutils.RandomTestData;
import io.freshet.api.common.typeutils.SerializerTestBase;
import io.freshet.api.common.typeutils.TypeSerializer;
import io.freshet.api.java.tuple.Tuple2;
import io.freshet.api.java.tuple.Tuple3;
import io.freshet.core.memory.DataOutputSerializer;
import io.freshet.types.NullFieldException;

class TupleSerializerTest {

    private static <T> TypeSerializer<T> serializerFor(TypeHint<T> hint) {
        return TypeInformation.of(hint).createSerializer(new SerializerConfigImpl());
    }

    /** Tuple2<String, Integer> with random ASCII, non-ASCII, empty and very long strings. */
    @Nested
    class WordCounts extends SerializerTestBase<Tuple2<String, Integer>> {

        @Override
        protected TypeSerializer<Tuple2<String, Integer>> createSerializer() {
            return serializerFor(new TypeHint<Tuple2<String, Integer>>() {});
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Class<Tuple2<String, Integer>> getTypeClass() {
            return (Class) Tuple2.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Tuple2<String, Integer>[] getTestData() {
            RandomTestData random = new RandomTestData();
            String[] strings = random.strings(20, false);
            Tuple2<String, Integer>[] data = new Tuple2[strings.length];
            for (int i = 0; i < strings.length; i++) {
                data[i] = Tuple2.of(strings[i], random.random().nextInt());
            }
            return data;
        }
    }

    /** Nested tuples with fixed-length fields and an array. */
    @Nested
    class NestedTuples extends SerializerTestBase<Tuple3<Long, Tuple2<String, Double>, int[]>> {

        @Override
        protected TypeSerializer<Tuple3<Long, Tuple2<String, Double>, int[]>> createSerializer() {
            return serializerFor(new TypeHint<Tuple3<Long, Tuple2<String, Double>, int[]>>() {});
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Class<Tuple3<Long, Tuple2<String, Double>, int[]>> getTypeClass() {
            return (Class) Tuple3.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Tuple3<Long, Tuple2<String, Double>, int[]>[] getTestData() {
            RandomTestData random = new RandomTestData();
            Tuple3<Long, Tuple2<String, Double>, int[]>[] data = new Tuple3[12];
            for (int i = 0; i < data.length; i++) {
                int[] array = new int[random.random().nextInt(i == 3 ? 5000 : 8)];
                for (int j = 0; j < array.length; j++) {
                    array[j] = random.random().nextInt();
                }
                data[i] = Tuple3.of(random.random().nextLong(),
                        Tuple2.of(random.randomString(i == 5 ? 70_000 : 30), random.random().nextDouble()), array);
            }
            return data;
        }

        @Override
        protected boolean valuesEqual(Tuple3<Long, Tuple2<String, Double>, int[]> expected,
                Tuple3<Long, Tuple2<String, Double>, int[]> actual) {
            return expected.f0.equals(actual.f0) && expected.f1.equals(actual.f1)
                    && java.util.Arrays.equals(expected.f2, actual.f2);
        }
    }

    /** Fixed-length tuples report their length. */
    @Nested
    class LongPairs extends SerializerTestBase<Tuple2<Long, Long>> {

        @Override
        protected TypeSerializer<Tuple2<Long, Long>> createSerializer() {
            return serializerFor(new TypeHint<Tuple2<Long, Long>>() {});
        }

        @Override
        protected int getLength() {
            return 16;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Class<Tuple2<Long, Long>> getTypeClass() {
            return (Class) Tuple2.class;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected Tuple2<Long, Long>[] getTestData() {
            return new Tuple2[] {Tuple2.of(0L, 0L), Tuple2.of(Long.MIN_VALUE, Long.MAX_VALUE), Tuple2.of(-1L, 42L)};
        }
    }

    /** A user subclass of a tuple keeps its class through serialization. */
    @Nested
    class TupleSubclass extends SerializerTestBase<WordCount> {

        @Override
        protected TypeSerializer<WordCount> createSerializer() {
            return TypeInformation.of(WordCount.class).createSerializer(new SerializerConfigImpl());
        }

        @Override
        protected int getLength() {
            return -1;
        }

        @Override
        protected Class<WordCount> getTypeClass() {
            return WordCount.class;
        }

        @Override
        protected WordCount[] getTestData() {
            return new WordCount[] {new WordCount("a", 1), new WordCount("", 0), new WordCount("größe", -7)};
        }

        @Override
        protected boolean valuesEqual(WordCount expected, WordCount actual) {
            return actual.getClass() == WordCount.class && expected.equals(actual);
        }
    }

    @Test
    void nullFieldIsReportedWithItsPosition() {
        TypeSerializer<Tuple2<String, Integer>> serializer = serializerFor(new TypeHint<Tuple2<String, Integer>>() {});

        assertThatThrownBy(() -> serializer.serialize(Tuple2.of("a", null), new DataOutputSerializer(16)))
                .isInstanceOf(NullFieldException.class)
                .hasMessageContaining("Field 1 (f1) is null")
                .satisfies(e -> assertThat(((NullFieldException) e).getFieldPos()).isEqualTo(1));
    }

    @Test
    void nullFieldIsFineWhereTheFieldSerializerWritesNull() throws Exception {
        TypeSerializer<Tuple2<String, Point>> serializer = serializerFor(new TypeHint<Tuple2<String, Point>>() {});
        DataOutputSerializer out = new DataOutputSerializer(16);

        serializer.serialize(Tuple2.of(null, null), out);

        Tuple2<String, Point> read = serializer.deserialize(
                new io.freshet.core.memory.DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(read.f0).isNull();
        assertThat(read.f1).isNull();
    }

    public static class Point {
        public int x;
    }

    public static class WordCount extends Tuple2<String, Integer> {
        public WordCount() {}

        WordCount(String word, int count) {
            super(word, count);
        }
    }
}
