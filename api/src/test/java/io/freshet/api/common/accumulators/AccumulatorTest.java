package io.freshet.api.common.accumulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccumulatorTest {

    @Test
    void intCounterSumsAddsAndMerges() {
        IntCounter a = new IntCounter(5);
        IntCounter b = new IntCounter();
        a.add(2);
        b.add(Integer.valueOf(3));

        a.merge(b);

        assertThat(a.getLocalValue()).isEqualTo(10);
        assertThat(a.getLocalValuePrimitive()).isEqualTo(10);
        assertThat(b.getLocalValue()).as("merge leaves the other unchanged").isEqualTo(3);
        assertThat(a).hasToString("IntCounter 10");
    }

    @Test
    void longCounterSumsAddsAndMerges() {
        LongCounter a = new LongCounter(Integer.MAX_VALUE);
        a.add(1L);
        a.merge(new LongCounter(10));

        assertThat(a.getLocalValuePrimitive()).isEqualTo(Integer.MAX_VALUE + 11L);
        assertThat(a).hasToString("LongCounter " + (Integer.MAX_VALUE + 11L));
    }

    @Test
    void doubleCounterSumsAddsAndMerges() {
        DoubleCounter a = new DoubleCounter(0.5);
        a.add(1.0);
        a.merge(new DoubleCounter(1.5));

        assertThat(a.getLocalValue()).isEqualTo(3.0);
        assertThat(a).hasToString("DoubleCounter 3.0");
    }

    @Test
    void resetReturnsCountersToZero() {
        IntCounter ints = new IntCounter(4);
        LongCounter longs = new LongCounter(4);
        DoubleCounter doubles = new DoubleCounter(4);

        ints.resetLocal();
        longs.resetLocal();
        doubles.resetLocal();

        assertThat(ints.getLocalValue()).isZero();
        assertThat(longs.getLocalValue()).isZero();
        assertThat(doubles.getLocalValue()).isZero();
    }

    @Test
    void mergingAResetAccumulatorChangesNothing() {
        IntCounter counter = new IntCounter(7);
        IntCounter empty = new IntCounter(9);
        empty.resetLocal();
        Histogram histogram = new Histogram();
        histogram.add(1);

        counter.merge(empty);
        histogram.merge(new Histogram());

        assertThat(counter.getLocalValue()).isEqualTo(7);
        assertThat(histogram.getLocalValue()).containsExactly(Map.entry(1, 1));
    }

    @Test
    void cloneIsIndependentOfTheOriginal() {
        IntCounter counter = new IntCounter(1);
        ListAccumulator<String> list = new ListAccumulator<>();
        list.add("a");
        Histogram histogram = new Histogram();
        histogram.add(1);

        IntCounter counterCopy = counter.clone();
        Accumulator<String, java.util.ArrayList<String>> listCopy = list.clone();
        Accumulator<Integer, java.util.TreeMap<Integer, Integer>> histogramCopy = histogram.clone();
        counter.add(1);
        list.add("b");
        histogram.add(1);

        assertThat(counterCopy.getLocalValue()).isEqualTo(1);
        assertThat(listCopy.getLocalValue()).containsExactly("a");
        assertThat(histogramCopy.getLocalValue()).containsExactly(Map.entry(1, 1));
    }

    @Test
    void listAccumulatorAppendsOnMergeAndEmptiesOnReset() {
        ListAccumulator<String> a = new ListAccumulator<>();
        ListAccumulator<String> b = new ListAccumulator<>();
        a.add("x");
        b.add("y");
        b.add("z");

        a.merge(b);

        assertThat(a.getLocalValue()).containsExactly("x", "y", "z");
        assertThat(a).hasToString("List Accumulator [x, y, z]");
        a.resetLocal();
        assertThat(a.getLocalValue()).isEmpty();
    }

    @Test
    void histogramCountsValuesAndAddsCountsOnMerge() {
        Histogram a = new Histogram();
        Histogram b = new Histogram();
        for (int value : List.of(5, 1, 5)) {
            a.add(value);
        }
        b.add(5);
        b.add(2);

        a.merge(b);

        assertThat(a.getLocalValue()).containsExactly(Map.entry(1, 1), Map.entry(2, 1), Map.entry(5, 3));
        assertThat(a).hasToString("{1=1, 2=1, 5=3}");
        a.resetLocal();
        assertThat(a.getLocalValue()).isEmpty();
    }
}
