package io.freshet.core.memory;

import java.io.UTFDataFormatException;

/** The modified UTF-8 of {@link java.io.DataOutput#writeUTF}, for the array-backed views. */
final class ModifiedUtf8 {

    private ModifiedUtf8() {}

    static int encodedLength(String s) {
        int length = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            length += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF ? 2 : 3);
        }
        return length;
    }

    /** Encodes {@code s} into {@code dst} at {@code pos}; returns the position after the last byte. */
    static int encode(String s, byte[] dst, int pos) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x0001 && c <= 0x007F) {
                dst[pos++] = (byte) c;
            } else if (c <= 0x07FF) {
                dst[pos++] = (byte) (0xC0 | (c >> 6));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            } else {
                dst[pos++] = (byte) (0xE0 | (c >> 12));
                dst[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                dst[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return pos;
    }

    /** Decodes {@code length} bytes at {@code pos} of {@code src}. */
    static String decode(byte[] src, int pos, int length) throws UTFDataFormatException {
        char[] chars = new char[length];
        int count = 0;
        int end = pos + length;
        while (pos < end) {
            int b = src[pos] & 0xff;
            if (b < 0x80) {
                chars[count++] = (char) b;
                pos++;
            } else if ((b & 0xE0) == 0xC0) {
                if (pos + 1 >= end) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                chars[count++] = (char) (((b & 0x1F) << 6) | (src[pos + 1] & 0x3F));
                pos += 2;
            } else if ((b & 0xF0) == 0xE0) {
                if (pos + 2 >= end) {
                    throw new UTFDataFormatException("malformed input: partial character at end");
                }
                chars[count++] = (char) (((b & 0x0F) << 12) | ((src[pos + 1] & 0x3F) << 6) | (src[pos + 2] & 0x3F));
                pos += 3;
            } else {
                throw new UTFDataFormatException("malformed input around byte " + pos);
            }
        }
        return new String(chars, 0, count);
    }
}
