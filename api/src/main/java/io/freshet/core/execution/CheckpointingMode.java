package io.freshet.core.execution;

/**
 * The consistency of checkpoints: whether every record affects the checkpointed state exactly once, or at least once
 * (records that arrive on an input between its barrier and the last barrier of the others are then processed before
 * the snapshot and again after a restore).
 */
public enum CheckpointingMode {

    /** Inputs are aligned on barriers: the snapshot sees exactly the records before the barrier on every input. */
    EXACTLY_ONCE,

    /** Inputs are not blocked while barriers arrive: lower latency, but a restore may process some records twice. */
    AT_LEAST_ONCE
}
