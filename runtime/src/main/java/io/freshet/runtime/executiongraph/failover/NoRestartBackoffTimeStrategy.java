package io.freshet.runtime.executiongraph.failover;

/** Never restarts: the first failure fails the job. */
public enum NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
    INSTANCE;

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public long getBackoffTime() {
        return 0L;
    }

    @Override
    public boolean notifyFailure(Throwable cause) {
        return true;
    }

    @Override
    public String toString() {
        return "NoRestartBackoffTimeStrategy";
    }

    /** Creates {@link #INSTANCE}. */
    public enum NoRestartBackoffTimeStrategyFactory implements Factory {
        INSTANCE;

        @Override
        public RestartBackoffTimeStrategy create() {
            return NoRestartBackoffTimeStrategy.INSTANCE;
        }

        @Override
        public String toString() {
            return "NoRestartBackoffTimeStrategyFactory";
        }
    }
}
