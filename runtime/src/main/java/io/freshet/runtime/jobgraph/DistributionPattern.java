package io.freshet.runtime.jobgraph;

/**
 * Which producer subtasks each consumer subtask reads from.
 *
 * <ul>
 *   <li>{@link #ALL_TO_ALL}: every consumer subtask reads from every producer subtask (hash, broadcast,
 *       rebalance).
 *   <li>{@link #POINTWISE}: each consumer subtask reads from a contiguous range of producer subtasks (forward,
 *       rescale). With equal parallelism subtask {@code i} reads from subtask {@code i}; with {@code p} producers
 *       and {@code c < p} consumers, consumer {@code j} reads producers {@code [j*p/c, (j+1)*p/c)}; with {@code c >
 *       p}, producer {@code i} feeds consumers {@code [i*c/p, (i+1)*c/p)} (integer division).
 * </ul>
 */
public enum DistributionPattern {
    ALL_TO_ALL,
    POINTWISE
}
