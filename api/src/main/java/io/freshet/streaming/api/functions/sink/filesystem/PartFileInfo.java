package io.freshet.streaming.api.functions.sink.filesystem;

import java.io.IOException;

/** What a rolling policy knows of the part file being written. */
public interface PartFileInfo<BucketID> {

    BucketID getBucketId();

    long getCreationTime();

    long getSize() throws IOException;

    long getLastUpdateTime();
}
