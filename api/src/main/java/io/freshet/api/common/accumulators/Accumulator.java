package io.freshet.api.common.accumulators;

import java.io.Serializable;

/**
 * A value that each parallel instance of a function builds locally and that the runtime merges across all
 * instances with the same name; the merged value is reported with the job result.
 *
 * <p>Contract: {@link #merge} is associative and commutative, and merging a freshly reset accumulator changes
 * nothing, so the runtime may merge in any order. An accumulator is updated by one thread at a time; the
 * runtime takes {@link #clone() clones} to report intermediate values, so a clone must not share mutable state
 * with the original.
 *
 * @param <V> the type of the values added
 * @param <R> the type of the accumulated result
 */
public interface Accumulator<V, R extends Serializable> extends Serializable, Cloneable {

    /** Adds {@code value} to the local result. */
    void add(V value);

    /** Returns the result accumulated locally, before merging. */
    R getLocalValue();

    /** Resets the local result to the empty value. */
    void resetLocal();

    /** Folds {@code other}'s local result into this one; {@code other} is left unchanged. */
    void merge(Accumulator<V, R> other);

    /** Returns an independent copy of this accumulator, including its local result. */
    Accumulator<V, R> clone();
}
