package io.freshet.api.common.accumulators;

import java.util.ArrayList;

/**
 * Collects the added values in a list; merging appends the other list. The order of the merged list depends
 * on the merge order, so only the multiset of elements is defined.
 *
 * @param <T> the element type
 */
public class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {

    private static final long serialVersionUID = 1L;

    private ArrayList<T> localValue = new ArrayList<>();

    @Override
    public void add(T value) {
        localValue.add(value);
    }

    /** Returns the live local list; changing it changes the accumulator. */
    @Override
    public ArrayList<T> getLocalValue() {
        return localValue;
    }

    @Override
    public void resetLocal() {
        localValue.clear();
    }

    @Override
    public void merge(Accumulator<T, ArrayList<T>> other) {
        localValue.addAll(other.getLocalValue());
    }

    /** Returns a copy with its own list; the elements themselves are shared. */
    @Override
    public Accumulator<T, ArrayList<T>> clone() {
        ListAccumulator<T> copy = new ListAccumulator<>();
        copy.localValue = new ArrayList<>(localValue);
        return copy;
    }

    @Override
    public String toString() {
        return "List Accumulator " + localValue;
    }
}
