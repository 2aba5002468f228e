package io.freshet.streaming.api.operators;

/** Whether an operator may be chained to its predecessor (and successors to it). */
public enum ChainingStrategy {
    /** Chain to the predecessor and let successors chain, where parallelism and partitioning allow. */
    ALWAYS,
    /** Never chain, neither to the predecessor nor successors. */
    NEVER,
    /** Start a chain: do not chain to the predecessor, let successors chain (sources). */
    HEAD
}
