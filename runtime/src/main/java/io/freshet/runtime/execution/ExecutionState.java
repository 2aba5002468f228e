package io.freshet.runtime.execution;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of one execution attempt of a subtask, as seen by the JobMaster and the TaskExecutor.
 *
 * <h2>Transitions</h2>
 *
 * <pre>
 *   CREATED ──► SCHEDULED ──► DEPLOYING ──► INITIALIZING ──► RUNNING ──► FINISHED
 *      │            │             │               │              │
 *      │            │             └───────────────┴──────────────┴──► CANCELING ──► CANCELED
 *      └────────────┴──► CANCELED  (nothing was deployed yet, so nothing needs to be cancelled remotely)
 *
 *   every non-terminal state ──► FAILED
 *   RECONCILING (an attempt found running after a JobManager failover) ──► RUNNING, FINISHED, CANCELING,
 *                                                                          CANCELED, FAILED
 * </pre>
 *
 * Besides the chain above, {@code DEPLOYING → RUNNING} and {@code DEPLOYING/INITIALIZING → FINISHED} are valid:
 * the JobMaster learns of a task's transitions through asynchronous updates from the TaskExecutor, and a task
 * with nothing to restore or no input may pass through INITIALIZING or RUNNING before the JobMaster has seen it.
 *
 * <p>The laws: FINISHED, CANCELED and FAILED are terminal, nothing leaves them; no state goes to itself; CREATED
 * and RECONCILING are entry states, nothing enters them; CANCELED is entered only from CREATED, SCHEDULED (no
 * task was started) or CANCELING (the task acknowledged the cancellation).
 */
public enum ExecutionState {
    // The order of the constants is Flink's; do not reorder (ordinals may be persisted).
    CREATED,
    SCHEDULED,
    DEPLOYING,
    RUNNING,
    /** The task completed successfully: all its output is produced. */
    FINISHED,
    CANCELING,
    CANCELED,
    FAILED,
    /** An entry state for an attempt that was found running after a JobManager failover. */
    RECONCILING,
    /** The task is restoring state and opening its operators, before it processes records. */
    INITIALIZING;

    /** Returns whether this state is final: FINISHED, CANCELED or FAILED. */
    public boolean isTerminal() {
        return this == FINISHED || this == CANCELED || this == FAILED;
    }

    /** Returns the states this state may move to; empty for terminal states. */
    public Set<ExecutionState> validSuccessors() {
        switch (this) {
            case CREATED:
                return EnumSet.of(SCHEDULED, CANCELED, FAILED);
            case SCHEDULED:
                return EnumSet.of(DEPLOYING, CANCELED, FAILED);
            case DEPLOYING:
                return EnumSet.of(INITIALIZING, RUNNING, FINISHED, CANCELING, FAILED);
            case INITIALIZING:
                return EnumSet.of(RUNNING, FINISHED, CANCELING, FAILED);
            case RUNNING:
                return EnumSet.of(FINISHED, CANCELING, FAILED);
            case CANCELING:
                return EnumSet.of(CANCELED, FAILED);
            case RECONCILING:
                return EnumSet.of(RUNNING, FINISHED, CANCELING, CANCELED, FAILED);
            case FINISHED:
            case CANCELED:
            case FAILED:
                return EnumSet.noneOf(ExecutionState.class);
            default:
                throw new AssertionError("Unhandled state " + this);
        }
    }

    /** Returns whether an attempt in state {@code from} may move to state {@code to} (see the class comment). */
    public static boolean isValidTransition(ExecutionState from, ExecutionState to) {
        return from.validSuccessors().contains(to);
    }
}
