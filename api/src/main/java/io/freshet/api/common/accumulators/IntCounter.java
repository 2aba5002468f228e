package io.freshet.api.common.accumulators;

/** Sums {@code int} values; merging adds the sums. Overflow wraps around like {@code int} arithmetic. */
public class IntCounter implements SimpleAccumulator<Integer> {

    private static final long serialVersionUID = 1L;

    private int localValue;

    /** Creates a counter at 0. */
    public IntCounter() {}

    /** Creates a counter at {@code value}. */
    public IntCounter(int value) {
        this.localValue = value;
    }

    @Override
    public void add(Integer value) {
        localValue += value;
    }

    /** Adds {@code value} without boxing. */
    public void add(int value) {
        localValue += value;
    }

    @Override
    public Integer getLocalValue() {
        return localValue;
    }

    /** Returns the local sum without boxing. */
    public int getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Integer, Integer> other) {
        localValue += other.getLocalValue();
    }

    @Override
    public void resetLocal() {
        localValue = 0;
    }

    @Override
    public IntCounter clone() {
        return new IntCounter(localValue);
    }

    @Override
    public String toString() {
        return "IntCounter " + localValue;
    }
}
