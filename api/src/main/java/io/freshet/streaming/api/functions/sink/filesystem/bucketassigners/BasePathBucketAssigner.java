package io.freshet.streaming.api.functions.sink.filesystem.bucketassigners;

import io.freshet.core.io.SimpleVersionedSerializer;
import io.freshet.streaming.api.functions.sink.filesystem.BucketAssigner;

/** Every element goes to the base path itself (no sub-directories). */
public class BasePathBucketAssigner<T> implements BucketAssigner<T, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(T element, Context context) {
        return "";
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BasePathBucketAssigner";
    }
}
