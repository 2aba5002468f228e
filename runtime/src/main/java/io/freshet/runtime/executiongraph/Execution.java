package io.freshet.runtime.executiongraph;

import java.util.Objects;

import io.freshet.runtime.execution.ExecutionState;
import io.freshet.runtime.jobmaster.LogicalSlot;

/**
 * One attempt to run a subtask. Its state only moves along {@link ExecutionState}'s transition table; a report
 * that would break it (a late RUNNING after CANCELED, say) is ignored by the caller. Confined to the JobMaster's
 * main thread.
 */
public final class Execution {

    private final ExecutionAttemptID attemptId;
    private ExecutionState state = ExecutionState.CREATED;
    private LogicalSlot slot;
    private Throwable failureCause;
    private IOMetrics ioMetrics;
    /** When the attempt entered each state (epoch millis, by ordinal), 0 for states it has not entered. */
    private final long[] stateTimestamps = new long[ExecutionState.values().length];

    Execution(ExecutionAttemptID attemptId) {
        this.attemptId = Objects.requireNonNull(attemptId, "attemptId");
        stateTimestamps[ExecutionState.CREATED.ordinal()] = System.currentTimeMillis();
    }

    public ExecutionAttemptID getAttemptId() {
        return attemptId;
    }

    public int getAttemptNumber() {
        return attemptId.getAttemptNumber();
    }

    public ExecutionState getState() {
        return state;
    }

    /** Moves to {@code target} if the transition table allows it; returns whether it did. */
    public boolean transitionTo(ExecutionState target) {
        if (state == target) {
            return true;
        }
        if (!ExecutionState.isValidTransition(state, target)) {
            return false;
        }
        state = target;
        stateTimestamps[target.ordinal()] = System.currentTimeMillis();
        return true;
    }

    /** When the attempt entered {@code state} (epoch millis), or 0 if it never did. */
    public long getStateTimestamp(ExecutionState state) {
        return stateTimestamps[state.ordinal()];
    }

    public LogicalSlot getAssignedSlot() {
        return slot;
    }

    void assignSlot(LogicalSlot slot) {
        this.slot = slot;
    }

    public Throwable getFailureCause() {
        return failureCause;
    }

    void setFailureCause(Throwable failureCause) {
        this.failureCause = failureCause;
    }

    /** Records the failure a TaskExecutor reported for this attempt. */
    public void setFailureCauseFromReport(Throwable failureCause) {
        this.failureCause = failureCause;
    }

    /** The time split the attempt's TaskExecutor reported with its final state, or null before it ended. */
    public IOMetrics getIOMetrics() {
        return ioMetrics;
    }

    public void setIOMetrics(IOMetrics ioMetrics) {
        this.ioMetrics = ioMetrics;
    }

    @Override
    public String toString() {
        return "Execution(" + attemptId + ", " + state + ")";
    }
}
