package io.freshet.streaming.api.environment;

import java.time.Duration;

import io.freshet.configuration.CheckpointingOptions;
import io.freshet.configuration.Configuration;
import io.freshet.core.execution.CheckpointingMode;
import io.freshet.core.execution.ExternalizedCheckpointRetention;

/**
 * The checkpoint settings of a program, a view on the environment's configuration: every setter writes the
 * option a {@code flink-conf.yaml} would set ({@code execution.checkpointing.*}), so the two ways agree.
 */
public class CheckpointConfig implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** What the old API called the retention of checkpoints on cancellation. */
    @Deprecated
    public enum ExternalizedCheckpointCleanup {
        DELETE_ON_CANCELLATION,
        RETAIN_ON_CANCELLATION,
        NO_EXTERNALIZED_CHECKPOINTS
    }

    private final Configuration configuration;

    public CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    /** True when an interval is set. */
    public boolean isCheckpointingEnabled() {
        return getCheckpointInterval() > 0;
    }

    /** Milliseconds between the starts of two checkpoints; -1 when checkpointing is off. */
    public long getCheckpointInterval() {
        return configuration.getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL).map(Duration::toMillis)
                .orElse(-1L);
    }

    public void setCheckpointInterval(long checkpointInterval) {
        if (checkpointInterval < 10) {
            throw new IllegalArgumentException("The checkpoint interval must be at least 10 ms, not "
                    + checkpointInterval + " ms.");
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE);
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode);
    }

    /** @deprecated use {@link #getCheckpointingConsistencyMode()} */
    @Deprecated
    public io.freshet.streaming.api.CheckpointingMode getCheckpointingMode() {
        return io.freshet.streaming.api.CheckpointingMode.convertFromCheckpointingMode(getCheckpointingConsistencyMode());
    }

    /** @deprecated use {@link #setCheckpointingConsistencyMode(CheckpointingMode)} */
    @Deprecated
    public void setCheckpointingMode(io.freshet.streaming.api.CheckpointingMode mode) {
        setCheckpointingConsistencyMode(io.freshet.streaming.api.CheckpointingMode.convertToCheckpointingMode(mode));
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long checkpointTimeout) {
        if (checkpointTimeout < 1) {
            throw new IllegalArgumentException("The checkpoint timeout must be positive, not " + checkpointTimeout
                    + " ms.");
        }
        configuration.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException("The pause between checkpoints must not be negative.");
        }
        configuration.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
                Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException("At least one checkpoint must be allowed at a time, not "
                    + maxConcurrentCheckpoints + ".");
        }
        configuration.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrentCheckpoints);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
    }

    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException("The number of tolerable checkpoint failures must not be negative.");
        }
        configuration.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailureNumber);
    }

    public boolean isUnalignedCheckpointsEnabled() {
        return configuration.get(CheckpointingOptions.ENABLE_UNALIGNED);
    }

    public void enableUnalignedCheckpoints() {
        enableUnalignedCheckpoints(true);
    }

    public void enableUnalignedCheckpoints(boolean enabled) {
        configuration.set(CheckpointingOptions.ENABLE_UNALIGNED, enabled);
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retention.name());
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return ExternalizedCheckpointRetention.valueOf(
                configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
    }

    /** @deprecated use {@link #setExternalizedCheckpointRetention} */
    @Deprecated
    public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, cleanup.name());
    }

    /** Where checkpoints go: a directory URI ({@code file:///...}, {@code hdfs:///...}) for file-system storage. */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory);
    }
}
