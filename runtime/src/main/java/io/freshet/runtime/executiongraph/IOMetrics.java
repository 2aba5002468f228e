package io.freshet.runtime.executiongraph;

import java.io.Serializable;

/**
 * Where a task spent its time since it started running, in milliseconds: waiting for input (idle), waiting for an
 * output buffer because a consumer is slow (backpressured), and everything else (busy). Busy time is what is left
 * of the running time, so the three add up to it. Immutable; travels with the task's final state report and answers
 * live queries.
 */
public final class IOMetrics implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long runningTimeMillis;
    private final long accumulateIdleTime;
    private final long accumulateBackPressuredTime;

    /**
     * @param runningTimeMillis how long the task has been (or was) RUNNING
     * @param idleMillis time its input gates spent waiting for data
     * @param backPressuredMillis time its writers spent waiting for a free buffer
     */
    public IOMetrics(long runningTimeMillis, long idleMillis, long backPressuredMillis) {
        this.runningTimeMillis = Math.max(0, runningTimeMillis);
        this.accumulateIdleTime = Math.max(0, idleMillis);
        this.accumulateBackPressuredTime = Math.max(0, backPressuredMillis);
    }

    public long getRunningTimeMillis() {
        return runningTimeMillis;
    }

    /** The running time that was neither idle nor backpressured. */
    public long getAccumulateBusyTime() {
        return Math.max(0, runningTimeMillis - accumulateIdleTime - accumulateBackPressuredTime);
    }

    public long getAccumulateIdleTime() {
        return accumulateIdleTime;
    }

    public long getAccumulateBackPressuredTime() {
        return accumulateBackPressuredTime;
    }

    /** Backpressured time per running second, 0..1000: Flink's {@code backPressuredTimeMsPerSecond} over the run. */
    public long getBackPressuredTimeMsPerSecond() {
        return perSecond(accumulateBackPressuredTime);
    }

    public long getIdleTimeMsPerSecond() {
        return perSecond(accumulateIdleTime);
    }

    public long getBusyTimeMsPerSecond() {
        return perSecond(getAccumulateBusyTime());
    }

    private long perSecond(long millis) {
        return runningTimeMillis == 0 ? 0 : Math.min(1000, millis * 1000 / runningTimeMillis);
    }

    @Override
    public String toString() {
        return "busy " + getAccumulateBusyTime() + " ms, idle " + accumulateIdleTime + " ms, backpressured "
                + accumulateBackPressuredTime + " ms of " + runningTimeMillis + " ms running";
    }
}
