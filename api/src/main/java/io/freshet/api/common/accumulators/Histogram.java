package io.freshet.api.common.accumulators;

import java.util.Map;
import java.util.TreeMap;

/** Counts how often each {@code int} value was added; merging adds the counts per value. */
public class Histogram implements Accumulator<Integer, TreeMap<Integer, Integer>> {

    private static final long serialVersionUID = 1L;

    private TreeMap<Integer, Integer> counts = new TreeMap<>();

    @Override
    public void add(Integer value) {
        counts.merge(value, 1, Integer::sum);
    }

    /** Returns the live map from value to count, ordered by value. */
    @Override
    public TreeMap<Integer, Integer> getLocalValue() {
        return counts;
    }

    @Override
    public void merge(Accumulator<Integer, TreeMap<Integer, Integer>> other) {
        for (Map.Entry<Integer, Integer> entry : other.getLocalValue().entrySet()) {
            counts.merge(entry.getKey(), entry.getValue(), Integer::sum);
        }
    }

    @Override
    public void resetLocal() {
        counts.clear();
    }

    @Override
    public Accumulator<Integer, TreeMap<Integer, Integer>> clone() {
        Histogram copy = new Histogram();
        copy.counts = new TreeMap<>(counts);
        return copy;
    }

    @Override
    public String toString() {
        return counts.toString();
    }
}
