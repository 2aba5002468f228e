package io.freshet.api.java.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TupleToStringTest {

    @Test
    void fieldsPrintInParenthesesSeparatedByCommasWithoutSpaces() {
        assertThat(Tuple3.of("a", 1, 2.5).toString()).isEqualTo("(a,1,2.5)");
    }

    @Test
    void emptyTuplePrintsEmptyParentheses() {
        assertThat(Tuple0.INSTANCE.toString()).isEqualTo("()");
        assertThat(new Tuple0().toString()).isEqualTo("()");
    }

    @Test
    void singleFieldTuplePrintsWithoutComma() {
        assertThat(Tuple1.of("x").toString()).isEqualTo("(x)");
    }

    @Test
    void nullFieldsPrintAsNull() {
        assertThat(new Tuple2<String, Integer>().toString()).isEqualTo("(null,null)");
        assertThat(Tuple3.of(null, "b", null).toString()).isEqualTo("(null,b,null)");
    }

    @Test
    void stringsWithCommasAndParenthesesPrintUnquotedAndUnescaped() {
        assertThat(Tuple2.of("a,b", "(c)").toString()).isEqualTo("(a,b,(c))");
    }

    @Test
    void nestedTuplesPrintRecursively() {
        assertThat(Tuple2.of(Tuple2.of(1, Tuple1.of("x")), Tuple0.INSTANCE).toString()).isEqualTo("((1,(x)),())");
    }

    @Test
    void primitiveArraysPrintTheirElements() {
        assertThat(Tuple2.of(new int[] {1, 2}, new long[] {3L}).toString()).isEqualTo("([1, 2],[3])");
        assertThat(Tuple3.of(new byte[] {1}, new char[] {'a', 'b'}, new boolean[] {true}).toString())
                .isEqualTo("([1],[a, b],[true])");
        assertThat(Tuple3.of(new double[] {0.5}, new float[] {1.5f}, new short[] {}).toString())
                .isEqualTo("([0.5],[1.5],[])");
    }

    @Test
    void objectArraysPrintNestedArraysAndTuplesDeeply() {
        Object[] mixed = {new int[] {3}, Tuple2.of(1, 2), null, "s"};

        assertThat(Tuple2.of(new String[] {"x", "y"}, mixed).toString()).isEqualTo("([x, y],[[3], (1,2), null, s])");
        assertThat(Tuple1.of(new Integer[][] {{1}, {2, 3}}).toString()).isEqualTo("([[1], [2, 3]])");
    }

    @Test
    void arraysInsideNestedTuplesPrintTheirElements() {
        assertThat(Tuple2.of(Tuple2.of(1, new long[] {4}), new byte[] {1}).toString()).isEqualTo("((1,[4]),[1])");
    }

    @Test
    void everyArityPrintsAllFieldsInOrder() {
        for (int arity = 1; arity <= Tuple.MAX_ARITY; arity++) {
            Tuple tuple = Tuple.newInstance(arity);
            StringBuilder expected = new StringBuilder("(");
            for (int pos = 0; pos < arity; pos++) {
                tuple.setField(pos, pos);
                expected.append(pos == 0 ? "" : ",").append(pos);
            }

            assertThat(tuple.toString()).isEqualTo(expected.append(')').toString());
        }
    }
}
