package io.freshet.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freshet.types.NullFieldException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TupleTest {

    // ---- arity and instantiation ----

    @Test
    void newInstanceCreatesEmptyTupleOfEveryArity() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);

            assertThat(tuple.getArity()).isEqualTo(arity);
            assertThat(tuple).isExactlyInstanceOf(Tuple.getTupleClass(arity));
            assertThat(tuple.getClass().getSimpleName()).isEqualTo("Tuple" + arity);
            for (int pos = 0; pos < arity; pos++) {
                Object field = tuple.getField(pos);
                assertThat(field).isNull();
            }
        }
    }

    @Test
    void newInstanceOfArityZeroIsTheSharedInstance() {
        assertThat(Tuple.newInstance(0)).isSameAs(Tuple0.INSTANCE);
    }

    @Test
    void arityOutsideZeroToMaxArityIsRejected() {
        assertThatThrownBy(() -> Tuple.newInstance(Tuple.MAX_ARITY + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 25]")
                .hasMessageContaining("26");
        assertThatThrownBy(() -> Tuple.newInstance(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuple.getTupleClass(26)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tuple.getTupleClass(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofSetsFieldsInOrder() {
        Tuple3<String, Integer, Boolean> tuple = Tuple3.of("a", 1, true);

        assertThat(tuple.f0).isEqualTo("a");
        assertThat(tuple.f1).isEqualTo(1);
        assertThat(tuple.f2).isTrue();
        assertThat(tuple.getArity()).isEqualTo(3);
    }

    @Test
    void largestTupleHoldsTwentyFiveFields() {
        Tuple25<Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                        Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer, Integer,
                        Integer, Integer, Integer, Integer>
                tuple = Tuple25.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                        24);

        assertThat(tuple.getArity()).isEqualTo(25);
        assertThat(tuple.f24).isEqualTo(24);
        assertThat((Integer) tuple.getField(24)).isEqualTo(24);
    }

    // ---- field access ----

    @Test
    void setFieldThenGetFieldRoundTripsAtEveryPositionOfEveryArity() {
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            for (int pos = 0; pos < arity; pos++) {
                tuple.setField("v" + pos, pos);
            }
            for (int pos = 0; pos < arity; pos++) {
                assertThat((String) tuple.getField(pos)).isEqualTo("v" + pos);
            }
        }
    }

    @Test
    void setFieldWritesThePublicField() {
        Tuple2<String, Integer> tuple = new Tuple2<>();

        tuple.setField("k", 0);
        tuple.setField(7, 1);

        assertThat(tuple.f0).isEqualTo("k");
        assertThat(tuple.f1).isEqualTo(7);
    }

    @Test
    void accessOutsideTheArityThrowsNamingPositionAndArity() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            int beyond = arity;

            assertThatThrownBy(() -> tuple.getField(beyond))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("position " + beyond)
                    .hasMessageContaining("arity " + arity);
            assertThatThrownBy(() -> tuple.setField("x", beyond))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("position " + beyond)
                    .hasMessageContaining("arity " + arity);
            assertThatThrownBy(() -> tuple.getField(-1))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("position -1");
        }
    }

    @Test
    void getFieldNotNullRejectsNullField() {
        Tuple2<String, String> tuple = Tuple2.of("a", null);

        assertThat((String) tuple.getFieldNotNull(0)).isEqualTo("a");
        assertThatThrownBy(() -> tuple.getFieldNotNull(1))
                .isInstanceOfSatisfying(NullFieldException.class, e -> assertThat(e.getFieldPos()).isEqualTo(1));
    }

    @Test
    void setFieldsReplacesAllFields() {
        Tuple3<String, Integer, String> tuple = Tuple3.of("a", 1, "b");

        tuple.setFields("x", 2, null);

        assertThat(tuple).isEqualTo(Tuple3.of("x", 2, null));
    }

    @Test
    void swapExchangesFieldsAndLeavesOriginalUnchanged() {
        Tuple2<String, Integer> tuple = Tuple2.of("a", 1);

        assertThat(tuple.swap()).isEqualTo(Tuple2.of(1, "a"));
        assertThat(tuple).isEqualTo(Tuple2.of("a", 1));
    }

    // ---- copy ----

    @Test
    void copyIsANewTupleOfTheSameClassSharingFieldObjects() {
        List<String> list = new ArrayList<>();
        Tuple2<List<String>, Integer> original = Tuple2.of(list, 1);

        Tuple2<List<String>, Integer> copy = original.copy();

        assertThat(copy).isNotSameAs(original).isEqualTo(original).isExactlyInstanceOf(Tuple2.class);
        assertThat(copy.f0).isSameAs(list);
    }

    @Test
    void changingACopysFieldsLeavesTheOriginalUnchanged() {
        Tuple3<String, Integer, String> original = Tuple3.of("a", 1, "b");
        Tuple3<String, Integer, String> copy = original.copy();

        copy.f0 = "changed";
        copy.setField(2, 1);

        assertThat(original).isEqualTo(Tuple3.of("a", 1, "b"));
    }

    @Test
    void copyOfEveryArityEqualsTheOriginal() {
        for (int arity = 0; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            for (int pos = 0; pos < arity; pos++) {
                tuple.setField(pos * 10, pos);
            }

            Tuple copy = tuple.copy();

            assertThat(copy).isEqualTo(tuple).hasSameHashCodeAs(tuple).isExactlyInstanceOf(tuple.getClass());
        }
    }

    // ---- equals and hashCode ----

    @Test
    void tuplesWithEqualFieldsAreEqualWithEqualHashCodes() {
        Tuple3<String, Integer, Object> a = Tuple3.of("a", 1, null);
        Tuple3<String, Integer, Object> b = Tuple3.of(new String("a"), 1, null);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void tuplesDifferingInOneFieldAreNotEqual() {
        assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of("a", 2));
        assertThat(Tuple2.of("a", 1)).isNotEqualTo(Tuple2.of(null, 1));
        assertThat(Tuple2.of(null, 1)).isNotEqualTo(Tuple2.of("a", 1));
    }

    @Test
    void tuplesOfDifferentArityOrTypeAreNotEqual() {
        assertThat(Tuple1.of("a")).isNotEqualTo(Tuple2.of("a", null));
        assertThat(Tuple2.of("a", null)).isNotEqualTo(Tuple1.of("a"));
        assertThat(Tuple2.of("a", 1)).isNotEqualTo("(a,1)").isNotEqualTo(null);
        assertThat(new Tuple0()).isNotEqualTo(new Tuple1<>());
    }

    @Test
    void equalsIsReflexive() {
        Tuple2<String, Integer> tuple = Tuple2.of("a", 1);

        assertThat(tuple.equals(tuple)).isTrue();
    }

    @Test
    void allTuple0InstancesAreEqual() {
        assertThat(new Tuple0()).isEqualTo(Tuple0.INSTANCE).hasSameHashCodeAs(Tuple0.INSTANCE);
    }

    @Test
    void hashCodeCombinesFieldHashesAndTreatsNullAsZero() {
        assertThat(Tuple2.of(1, 2).hashCode()).isEqualTo(31 + 2);
        assertThat(new Tuple2<>().hashCode()).isZero();
    }

    @Test
    void arrayFieldsCompareByIdentity() {
        int[] array = {1};

        assertThat(Tuple1.of(array)).isEqualTo(Tuple1.of(array));
        assertThat(Tuple1.of(array)).isNotEqualTo(Tuple1.of(new int[] {1}));
    }

    // ---- serialization ----

    @Test
    void javaSerializationKeepsFieldsAndResolvesTuple0ToTheSharedInstance() throws Exception {
        assertThat(roundTrip(Tuple2.of("a", 1))).isEqualTo(Tuple2.of("a", 1));
        assertThat(roundTrip(new Tuple0())).isSameAs(Tuple0.INSTANCE);
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
