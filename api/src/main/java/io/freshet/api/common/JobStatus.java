package io.freshet.api.common;

/**
 * The status of a job, as Flink names it. Globally terminal states (FINISHED, CANCELED, FAILED) end the job for
 * good; SUSPENDED ends it only in this JobManager (another may take over with high availability).
 */
public enum JobStatus {
    INITIALIZING(TerminalState.NON_TERMINAL),
    CREATED(TerminalState.NON_TERMINAL),
    RUNNING(TerminalState.NON_TERMINAL),
    FAILING(TerminalState.NON_TERMINAL),
    FAILED(TerminalState.GLOBALLY),
    CANCELLING(TerminalState.NON_TERMINAL),
    CANCELED(TerminalState.GLOBALLY),
    FINISHED(TerminalState.GLOBALLY),
    RESTARTING(TerminalState.NON_TERMINAL),
    SUSPENDED(TerminalState.LOCALLY),
    RECONCILING(TerminalState.NON_TERMINAL);

    private enum TerminalState { NON_TERMINAL, LOCALLY, GLOBALLY }

    private final TerminalState terminalState;

    JobStatus(TerminalState terminalState) {
        this.terminalState = terminalState;
    }

    /** True for FINISHED, CANCELED and FAILED: the job is over everywhere. */
    public boolean isGloballyTerminalState() {
        return terminalState == TerminalState.GLOBALLY;
    }

    /** True for every state in which the job no longer runs here (the globally terminal ones and SUSPENDED). */
    public boolean isTerminalState() {
        return terminalState != TerminalState.NON_TERMINAL;
    }
}
