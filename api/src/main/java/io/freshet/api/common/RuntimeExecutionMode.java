package io.freshet.api.common;

/** How a DataStream program runs ({@code execution.runtime-mode}). */
public enum RuntimeExecutionMode {
    /** Continuous processing: results update as records arrive; inputs may be unbounded. */
    STREAMING,
    /** Stage by stage over bounded inputs: blocking exchanges, final results only. */
    BATCH,
    /** BATCH when every source is bounded, else STREAMING. */
    AUTOMATIC
}
