package io.freshet.streaming.api.functions.sink.filesystem;

import java.io.IOException;
import java.io.Serializable;

/**
 * When a part file is closed and a new one started. A row-format sink closes its part files at every checkpoint
 * too (they become visible when the checkpoint completes).
 */
public interface RollingPolicy<IN, BucketID> extends Serializable {

    boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) throws IOException;

    boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) throws IOException;

    boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) throws IOException;
}
