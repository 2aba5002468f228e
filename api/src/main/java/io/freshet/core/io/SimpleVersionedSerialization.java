package io.freshet.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Writes a {@link SimpleVersionedSerializer}'s version in front of its bytes, so a reader knows how to read them. */
public final class SimpleVersionedSerialization {

    private SimpleVersionedSerialization() {}

    /** The serializer's version (4 bytes), the length (4 bytes), then the serialized datum. */
    public static <T> byte[] writeVersionAndSerialize(SimpleVersionedSerializer<T> serializer, T datum)
            throws IOException {
        byte[] data = serializer.serialize(datum);
        return ByteBuffer.allocate(8 + data.length).putInt(serializer.getVersion()).putInt(data.length).put(data)
                .array();
    }

    /** Reads what {@link #writeVersionAndSerialize} wrote. */
    public static <T> T readVersionAndDeSerialize(SimpleVersionedSerializer<T> serializer, byte[] bytes)
            throws IOException {
        if (bytes.length < 8) {
            throw new IOException("Corrupt versioned data: " + bytes.length + " bytes, fewer than the 8 of the header.");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = buffer.getInt();
        int length = buffer.getInt();
        if (length != bytes.length - 8) {
            throw new IOException("Corrupt versioned data: the header says " + length + " bytes, there are "
                    + (bytes.length - 8) + ".");
        }
        return serializer.deserialize(version, Arrays.copyOfRange(bytes, 8, bytes.length));
    }
}
