package io.freshet.util;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A 128-bit identifier, held as two {@code long}s. Its text form is 32 lowercase hexadecimal digits: the
 * upper part then the lower part, each big-endian. IDs are equal when their class and both parts are equal,
 * and order by the upper part, then the lower part (as signed {@code long}s). Immutable.
 */
public class AbstractID implements Comparable<AbstractID>, Serializable {

    private static final long serialVersionUID = 1L;

    /** The size of an ID in bytes. */
    public static final int SIZE = 16;

    protected final long upperPart;
    protected final long lowerPart;

    /** Creates a random ID. */
    public AbstractID() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.upperPart = random.nextLong();
        this.lowerPart = random.nextLong();
    }

    /** Creates the ID with the given parts. */
    public AbstractID(long lowerPart, long upperPart) {
        this.lowerPart = lowerPart;
        this.upperPart = upperPart;
    }

    /**
     * Creates the ID from its {@link #SIZE} bytes, upper part first, big-endian.
     *
     * @throws IllegalArgumentException if {@code bytes} is null or not {@link #SIZE} long
     */
    public AbstractID(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE) {
            throw new IllegalArgumentException(
                    "An ID takes exactly " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        this.upperPart = buffer.getLong();
        this.lowerPart = buffer.getLong();
    }

    /** Creates an ID equal in value to {@code id}. */
    public AbstractID(AbstractID id) {
        this(id.lowerPart, id.upperPart);
    }

    public long getLowerPart() {
        return lowerPart;
    }

    public long getUpperPart() {
        return upperPart;
    }

    /** Returns the {@link #SIZE} bytes of this ID, upper part first, big-endian; a new array per call. */
    public byte[] getBytes() {
        return ByteBuffer.allocate(SIZE).putLong(upperPart).putLong(lowerPart).array();
    }

    /** Returns the 32 lowercase hexadecimal digits of this ID. */
    public final String toHexString() {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(upperPart) + hex.toHexDigits(lowerPart);
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (obj == null || obj.getClass() != getClass()) {
            return false;
        }
        AbstractID other = (AbstractID) obj;
        return other.upperPart == upperPart && other.lowerPart == lowerPart;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(upperPart) + Long.hashCode(lowerPart);
    }

    @Override
    public String toString() {
        return toHexString();
    }

    @Override
    public int compareTo(AbstractID other) {
        int byUpper = Long.compare(upperPart, other.upperPart);
        return byUpper != 0 ? byUpper : Long.compare(lowerPart, other.lowerPart);
    }
}
