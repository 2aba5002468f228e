package io.freshet.api.common.accumulators;

/** Sums {@code long} values; merging adds the sums. Overflow wraps around like {@code long} arithmetic. */
public class LongCounter implements SimpleAccumulator<Long> {

    private static final long serialVersionUID = 1L;

    private long localValue;

    /** Creates a counter at 0. */
    public LongCounter() {}

    /** Creates a counter at {@code value}. */
    public LongCounter(long value) {
        this.localValue = value;
    }

    @Override
    public void add(Long value) {
        localValue += value;
    }

    /** Adds {@code value} without boxing. */
    public void add(long value) {
        localValue += value;
    }

    @Override
    public Long getLocalValue() {
        return localValue;
    }

    /** Returns the local sum without boxing. */
    public long getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        localValue += other.getLocalValue();
    }

    @Override
    public void resetLocal() {
        localValue = 0;
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(localValue);
    }

    @Override
    public String toString() {
        return "LongCounter " + localValue;
    }
}
