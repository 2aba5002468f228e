package io.freshet.api.common;

import io.freshet.util.AbstractID;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * Identifies a job for its whole life, across restarts and JobManager failovers. The text form is 32 lowercase
 * hexadecimal digits, as printed by the CLI and used in REST paths; {@link #fromHexString} reads it back (either
 * case).
 */
public final class JobID extends AbstractID {

    private static final long serialVersionUID = 1L;

    /** Creates a random job ID. */
    public JobID() {}

    /** Creates the job ID with the given parts. */
    public JobID(long lowerPart, long upperPart) {
        super(lowerPart, upperPart);
    }

    /** Creates the job ID from its 16 bytes, upper part first, big-endian. */
    public JobID(byte[] bytes) {
        super(bytes);
    }

    /** Returns a new random job ID. */
    public static JobID generate() {
        return new JobID();
    }

    /** Returns the job ID with the given 16 bytes, upper part first, big-endian. */
    public static JobID fromByteArray(byte[] bytes) {
        return new JobID(bytes);
    }

    /** Reads a job ID from the next 16 bytes of {@code buffer}, advancing its position. */
    public static JobID fromByteBuffer(ByteBuffer buffer) {
        long upper = buffer.getLong();
        long lower = buffer.getLong();
        return new JobID(lower, upper);
    }

    /**
     * Parses the text form of a job ID.
     *
     * @throws IllegalArgumentException if {@code hexString} is not exactly 32 hexadecimal digits
     */
    public static JobID fromHexString(String hexString) {
        if (!isHexId(hexString)) {
            throw new IllegalArgumentException(
                    "Cannot parse a JobID from \"" + hexString + "\": a JobID is 32 hexadecimal digits"
                            + " ([0-9a-fA-F]{32}), for example 3f2a9c0d5e7b41a8b6c4d2e0f1a3b5c7.");
        }
        long upper = HexFormat.fromHexDigitsToLong(hexString, 0, 16);
        long lower = HexFormat.fromHexDigitsToLong(hexString, 16, 32);
        return new JobID(lower, upper);
    }

    private static boolean isHexId(String s) {
        if (s == null || s.length() != 2 * SIZE) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
