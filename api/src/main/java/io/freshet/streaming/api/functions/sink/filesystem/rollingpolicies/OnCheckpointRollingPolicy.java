package io.freshet.streaming.api.functions.sink.filesystem.rollingpolicies;

import io.freshet.streaming.api.functions.sink.filesystem.PartFileInfo;
import io.freshet.streaming.api.functions.sink.filesystem.RollingPolicy;

/** Rolls part files at checkpoints only. */
public final class OnCheckpointRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {

    private static final long serialVersionUID = 1L;

    private OnCheckpointRollingPolicy() {}

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return true;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return false;
    }

    public static <IN, BucketID> OnCheckpointRollingPolicy<IN, BucketID> build() {
        return new OnCheckpointRollingPolicy<>();
    }
}
