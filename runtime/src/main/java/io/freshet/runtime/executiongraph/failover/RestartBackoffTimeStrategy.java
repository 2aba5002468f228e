package io.freshet.runtime.executiongraph.failover;

/**
 * Decides whether a failed job (or region) may restart, and after how long. The scheduler calls {@link
 * #notifyFailure} for each failure, then asks {@link #canRestart()} and, if so, waits {@link #getBackoffTime()}
 * before restarting. Implementations are not thread-safe: the JobMaster calls them from its main thread only.
 * {@link #toString()} names the strategy and its settings, for logs and the failure message of a job that may not
 * restart any more.
 */
public interface RestartBackoffTimeStrategy {

    /** Returns whether the last failure may be answered with a restart. */
    boolean canRestart();

    /** Returns how many milliseconds to wait before the restart; 0 or more. */
    long getBackoffTime();

    /**
     * Records a failure.
     *
     * @return whether the failure counts as a new restart attempt (false when it joins a restart already
     *     scheduled)
     */
    boolean notifyFailure(Throwable cause);

    /** Creates a fresh strategy per job (execution); strategies have state. */
    interface Factory {

        RestartBackoffTimeStrategy create();
    }
}
