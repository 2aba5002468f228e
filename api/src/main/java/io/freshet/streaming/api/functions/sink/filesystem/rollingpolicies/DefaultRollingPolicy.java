package io.freshet.streaming.api.functions.sink.filesystem.rollingpolicies;

import java.io.IOException;
import java.time.Duration;

import io.freshet.configuration.MemorySize;
import io.freshet.streaming.api.functions.sink.filesystem.PartFileInfo;
import io.freshet.streaming.api.functions.sink.filesystem.RollingPolicy;

/**
 * Rolls a part file when it reaches a size (128 MB), is older than an interval (60 s), or saw no element for a while
 * (60 s); and at every checkpoint.
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return true;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException {
        return partFileState.getSize() >= partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    /** Builds a {@link DefaultRollingPolicy}. */
    public static final class PolicyBuilder {
        private long partSize = 128L * 1024 * 1024;
        private long rolloverInterval = 60_000;
        private long inactivityInterval = 60_000;

        public PolicyBuilder withMaxPartSize(MemorySize size) {
            this.partSize = positive(size.getBytes(), "max part size");
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = positive(interval.toMillis(), "rollover interval");
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = positive(interval.toMillis(), "inactivity interval");
            return this;
        }

        private static long positive(long value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException("The " + what + " of a DefaultRollingPolicy must be positive.");
            }
            return value;
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }
    }
}
