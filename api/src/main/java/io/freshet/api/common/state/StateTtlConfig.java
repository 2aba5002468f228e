package io.freshet.api.common.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state ({@code descriptor.enableTimeToLive(config)}): a value (a list element, a map entry) not
 * written (or, with {@link UpdateType#OnReadAndWrite}, not read either) for the time to live expires, in processing
 * time. Expired values are not returned ({@link StateVisibility#NeverReturnExpired}) and are removed when they are
 * next accessed.
 */
public class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When the time to live starts again. */
    public enum UpdateType {
        /** Never: the state does not expire. */
        Disabled,
        /** When the value is created and whenever it is written. */
        OnCreateAndWrite,
        /** Also whenever it is read. */
        OnReadAndWrite
    }

    /** Whether an expired value that is still stored may be returned. */
    public enum StateVisibility {
        ReturnExpiredIfNotCleanedUp,
        NeverReturnExpired
    }

    /** The time the time to live is measured in. */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    /** The background cleanup chosen (stored; the heap backend removes expired values when they are accessed). */
    public static class CleanupStrategies implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean cleanupFullSnapshot;
        private final int incrementalCleanupSize;
        private final boolean cleanupInBackground;

        CleanupStrategies(boolean cleanupFullSnapshot, int incrementalCleanupSize, boolean cleanupInBackground) {
            this.cleanupFullSnapshot = cleanupFullSnapshot;
            this.incrementalCleanupSize = incrementalCleanupSize;
            this.cleanupInBackground = cleanupInBackground;
        }

        public boolean inFullSnapshot() {
            return cleanupFullSnapshot;
        }

        public boolean isCleanupInBackground() {
            return cleanupInBackground;
        }

        /** Entries checked per state access for incremental cleanup, 0 if not chosen. */
        public int getIncrementalCleanupSize() {
            return incrementalCleanupSize;
        }
    }

    /** Time to live switched off. */
    public static final StateTtlConfig DISABLED = newBuilder(Duration.ofMillis(Long.MAX_VALUE))
            .setUpdateType(UpdateType.Disabled).build();

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final TtlTimeCharacteristic ttlTimeCharacteristic;
    private final Duration timeToLive;
    private final CleanupStrategies cleanupStrategies;

    private StateTtlConfig(UpdateType updateType, StateVisibility stateVisibility,
            TtlTimeCharacteristic ttlTimeCharacteristic, Duration timeToLive, CleanupStrategies cleanupStrategies) {
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.ttlTimeCharacteristic = ttlTimeCharacteristic;
        this.timeToLive = timeToLive;
        this.cleanupStrategies = cleanupStrategies;
    }

    public static Builder newBuilder(Duration timeToLive) {
        return new Builder(timeToLive);
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public Duration getTimeToLive() {
        return timeToLive;
    }

    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return ttlTimeCharacteristic;
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    public CleanupStrategies getCleanupStrategies() {
        return cleanupStrategies;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{updateType=" + updateType + ", stateVisibility=" + stateVisibility
                + ", ttlTimeCharacteristic=" + ttlTimeCharacteristic + ", timeToLive=" + timeToLive + "}";
    }

    /** Builds a {@link StateTtlConfig}: updated on create and write, expired values never returned, by default. */
    public static class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private TtlTimeCharacteristic ttlTimeCharacteristic = TtlTimeCharacteristic.ProcessingTime;
        private Duration timeToLive;
        private boolean cleanupFullSnapshot;
        private int incrementalCleanupSize;
        private boolean cleanupInBackground = true;

        public Builder(Duration timeToLive) {
            setTimeToLive(timeToLive);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic ttlTimeCharacteristic) {
            this.ttlTimeCharacteristic = Objects.requireNonNull(ttlTimeCharacteristic, "ttlTimeCharacteristic");
            return this;
        }

        public Builder useProcessingTime() {
            return setTtlTimeCharacteristic(TtlTimeCharacteristic.ProcessingTime);
        }

        public Builder cleanupFullSnapshot() {
            this.cleanupFullSnapshot = true;
            return this;
        }

        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize < 0) {
                throw new IllegalArgumentException("The incremental cleanup size must not be negative: "
                        + cleanupSize);
            }
            this.incrementalCleanupSize = cleanupSize;
            return this;
        }

        public Builder disableCleanupInBackground() {
            this.cleanupInBackground = false;
            return this;
        }

        public Builder setTimeToLive(Duration timeToLive) {
            if (timeToLive == null || timeToLive.isZero() || timeToLive.isNegative()) {
                throw new IllegalArgumentException("The time to live of state must be positive, not " + timeToLive);
            }
            this.timeToLive = timeToLive;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(updateType, stateVisibility, ttlTimeCharacteristic, timeToLive,
                    new CleanupStrategies(cleanupFullSnapshot, incrementalCleanupSize, cleanupInBackground));
        }
    }
}
