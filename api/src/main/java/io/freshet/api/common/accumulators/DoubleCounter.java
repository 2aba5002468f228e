package io.freshet.api.common.accumulators;

/**
 * Sums {@code double} values; merging adds the sums. Floating-point addition rounds, so the merged sum may
 * differ slightly with the merge order.
 */
public class DoubleCounter implements SimpleAccumulator<Double> {

    private static final long serialVersionUID = 1L;

    private double localValue;

    /** Creates a counter at 0. */
    public DoubleCounter() {}

    /** Creates a counter at {@code value}. */
    public DoubleCounter(double value) {
        this.localValue = value;
    }

    @Override
    public void add(Double value) {
        localValue += value;
    }

    /** Adds {@code value} without boxing. */
    public void add(double value) {
        localValue += value;
    }

    @Override
    public Double getLocalValue() {
        return localValue;
    }

    /** Returns the local sum without boxing. */
    public double getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Double, Double> other) {
        localValue += other.getLocalValue();
    }

    @Override
    public void resetLocal() {
        localValue = 0.0;
    }

    @Override
    public DoubleCounter clone() {
        return new DoubleCounter(localValue);
    }

    @Override
    public String toString() {
        return "DoubleCounter " + localValue;
    }
}
