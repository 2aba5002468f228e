package io.freshet.streaming.api.functions.sink.filesystem;

import java.io.Serializable;

import io.freshet.core.io.SimpleVersionedSerializer;

/** Decides the bucket (a sub-directory of the sink's base path) each element goes to. */
public interface BucketAssigner<IN, BucketID> extends Serializable {

    BucketID getBucketId(IN element, Context context);

    SimpleVersionedSerializer<BucketID> getSerializer();

    /** What an assigner may look at besides the element. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The element's timestamp, or null. */
        Long timestamp();
    }
}
