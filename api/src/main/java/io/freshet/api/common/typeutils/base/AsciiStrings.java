package io.freshet.api.common.typeutils.base;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/**
 * Decides whether a string is pure ASCII, the question {@link StringSerializer} asks for every string it writes.
 *
 * <p>With compact strings (the JVM default) a string whose chars all fit Latin-1 keeps them as one byte each;
 * for those strings the bytes are checked eight at a time, which is several times faster than a {@code charAt}
 * loop on short strings. That reads JDK internals through {@code sun.misc.Unsafe}, so the layout is verified once
 * at class initialization against strings of known content; if anything differs (another JVM, compact strings
 * disabled, a changed layout) every check takes the portable {@code charAt} loop instead. Both give the same
 * answers; only the speed differs.
 */
final class AsciiStrings {

    private static final Unsafe UNSAFE;
    private static final long VALUE_OFFSET;
    private static final long CODER_OFFSET;
    private static final long BYTE_ARRAY_BASE;
    private static final boolean LATIN1_LAYOUT_VERIFIED;

    static {
        Unsafe unsafe = null;
        long valueOffset = -1;
        long coderOffset = -1;
        long byteArrayBase = -1;
        boolean verified = false;
        try {
            Field theUnsafe = Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            unsafe = (Unsafe) theUnsafe.get(null);
            Field value = String.class.getDeclaredField("value");
            Field coder = String.class.getDeclaredField("coder");
            if (value.getType() == byte[].class && coder.getType() == byte.class) {
                valueOffset = unsafe.objectFieldOffset(value);
                coderOffset = unsafe.objectFieldOffset(coder);
                byteArrayBase = unsafe.arrayBaseOffset(byte[].class);
                verified = layoutMatches(unsafe, valueOffset, coderOffset);
            }
        } catch (Throwable notAvailable) {
            // another JVM or a restricted one: the portable loop is used
            verified = false;
        }
        UNSAFE = unsafe;
        VALUE_OFFSET = valueOffset;
        CODER_OFFSET = coderOffset;
        BYTE_ARRAY_BASE = byteArrayBase;
        LATIN1_LAYOUT_VERIFIED = verified;
    }

    private AsciiStrings() {}

    /** True when the fast check is in use (for tests). */
    static boolean usesLatin1Layout() {
        return LATIN1_LAYOUT_VERIFIED;
    }

    /** True when every char of {@code value} is below 0x80. */
    static boolean isAscii(String value, int length) {
        if (LATIN1_LAYOUT_VERIFIED && UNSAFE.getByte(value, CODER_OFFSET) == 0) {
            return latin1BytesAreAscii((byte[]) UNSAFE.getObject(value, VALUE_OFFSET));
        }
        return charsAreAscii(value, length);
    }

    static boolean charsAreAscii(String value, int length) {
        // OR-ing all chars has no data-dependent branch; most strings are ASCII and are scanned fully anyway
        int bits = 0;
        for (int i = 0; i < length; i++) {
            bits |= value.charAt(i);
        }
        return bits < 0x80;
    }

    private static boolean latin1BytesAreAscii(byte[] bytes) {
        final int length = bytes.length;
        long words = 0;
        int i = 0;
        for (; i <= length - 8; i += 8) {
            words |= UNSAFE.getLong(bytes, BYTE_ARRAY_BASE + i);
        }
        int tail = 0;
        for (; i < length; i++) {
            tail |= bytes[i];
        }
        return (words & 0x8080_8080_8080_8080L) == 0 && tail >= 0;
    }

    /** Checks the assumed layout on strings of known content; false means "do not use it". */
    private static boolean layoutMatches(Unsafe unsafe, long valueOffset, long coderOffset) {
        String latin1 = new String(new char[] {'F', 'r', 'e', '\u00E9'});
        String utf16 = new String(new char[] {'F', '\u0100'});
        if (unsafe.getByte(latin1, coderOffset) != 0 || unsafe.getByte(utf16, coderOffset) == 0) {
            return false; // compact strings are off, or the coder means something else
        }
        Object bytes = unsafe.getObject(latin1, valueOffset);
        if (!(bytes instanceof byte[])) {
            return false;
        }
        byte[] value = (byte[]) bytes;
        return value.length == 4 && value[0] == 'F' && value[1] == 'r' && value[2] == 'e' && value[3] == (byte) 0xE9;
    }
}
