package io.freshet.streaming.api.functions.sink.filesystem.bucketassigners;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.freshet.core.io.SimpleVersionedSerializer;

/** Bucket ids that are strings, in UTF-8. */
public final class SimpleVersionedStringSerializer implements SimpleVersionedSerializer<String> {

    public static final SimpleVersionedStringSerializer INSTANCE = new SimpleVersionedStringSerializer();

    private SimpleVersionedStringSerializer() {}

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown version " + version + " of a string bucket id.");
        }
        return new String(serialized, StandardCharsets.UTF_8);
    }
}
