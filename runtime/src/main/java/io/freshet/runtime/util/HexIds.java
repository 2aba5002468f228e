package io.freshet.runtime.util;

import io.freshet.util.AbstractID;
import java.util.HexFormat;

/** Parses the 32-hex-digit text form of the runtime's {@link AbstractID} subclasses. */
public final class HexIds {

    private HexIds() {}

    /**
     * Returns {@code {upperPart, lowerPart}} of the ID written as {@code hexString} (either case).
     *
     * @param typeName the ID class, for the error message
     * @throws IllegalArgumentException if {@code hexString} is not exactly 32 hexadecimal digits
     */
    public static long[] parse(String hexString, String typeName) {
        if (hexString == null || hexString.length() != 2 * AbstractID.SIZE || !isHex(hexString)) {
            throw new IllegalArgumentException("Cannot parse a " + typeName + " from \"" + hexString
                    + "\": expected 32 hexadecimal digits ([0-9a-fA-F]{32}).");
        }
        return new long[] {
            HexFormat.fromHexDigitsToLong(hexString, 0, 16), HexFormat.fromHexDigitsToLong(hexString, 16, 32)
        };
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
