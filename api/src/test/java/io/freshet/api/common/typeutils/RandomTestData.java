package io.freshet.api.common.typeutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random test values from a fixed seed, so that a failure can be reproduced. The seed defaults to
 * {@link #DEFAULT_SEED}; run with {@code -Dfreshet.test.seed=<n>} to try another one. Every instance prints its
 * seed once, and {@link #toString()} gives it for assertion messages.
 */
public final class RandomTestData {

    public static final long DEFAULT_SEED = 0x5EED_F00DL;

    /** Longer than 64 KiB, the limit of {@code writeUTF}, and than any page. */
    public static final int LONG_STRING_LENGTH = 70_000;

    private final long seed;
    private final Random random;

    public RandomTestData() {
        this(Long.getLong("freshet.test.seed", DEFAULT_SEED));
    }

    public RandomTestData(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        System.out.println("RandomTestData seed=" + seed + " (reproduce with -Dfreshet.test.seed=" + seed + ")");
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    // ---- strings ----

    /** Chars in [0, 0x7F]. */
    public String asciiString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) random.nextInt(0x80);
        }
        return new String(chars);
    }

    /**
     * A string of {@code length} chars mixing ASCII, Latin-1, chars below and above 0x800 and 0x4000, the largest
     * char, and valid surrogate pairs; at least one char is not ASCII (for {@code length > 0}).
     */
    public String nonAsciiString(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int kind = random.nextInt(8);
            switch (kind) {
                case 0:
                case 1:
                    s.append((char) random.nextInt(0x80));
                    break;
                case 2:
                    s.append((char) (0x80 + random.nextInt(0x80)));
                    break;
                case 3:
                    s.append((char) (0x100 + random.nextInt(0x800 - 0x100)));
                    break;
                case 4:
                    s.append((char) (0x800 + random.nextInt(0x4000 - 0x800)));
                    break;
                case 5:
                    s.append((char) (0x4000 + random.nextInt(0xD800 - 0x4000)));
                    break;
                case 6:
                    s.append((char) (0xE000 + random.nextInt(0x10000 - 0xE000)));
                    break;
                default:
                    if (s.length() + 2 <= length) {
                        s.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
                    } else {
                        s.append('\uFFFF');
                    }
            }
        }
        if (length > 0 && isAscii(s)) {
            s.setCharAt(random.nextInt(length), '\u00E9');
        }
        return s.toString();
    }

    /** An ASCII or non-ASCII string of up to {@code maxLength} chars. */
    public String randomString(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        return random.nextBoolean() ? asciiString(length) : nonAsciiString(length);
    }

    /**
     * Strings covering the edge cases: empty, one char, the varint boundaries of the length header (63/64 and
     * 8191/8192 chars), chars at the varint boundaries of the char encoding (0x7F, 0x80, 0x3FFF, 0x4000, 0xFFFF),
     * surrogate pairs, strings longer than 64 KiB (ASCII and not), nulls if {@code withNulls}, and random ones.
     */
    public String[] strings(int randomCount, boolean withNulls) {
        List<String> values = new ArrayList<>();
        values.add("");
        values.add("a");
        values.add("Hello, Freshet!");
        values.add(asciiString(63));
        values.add(asciiString(64));
        values.add(nonAsciiString(63));
        values.add(nonAsciiString(64));
        values.add(asciiString(8191));
        values.add(nonAsciiString(8192));
        values.add("\u007F\u0080\u07FF\u0800\u3FFF\u4000\uFFFF\u0000");
        values.add("\u00E9t\u00E9 \u00FF");
        values.add("snow \u2603 and G clef \uD834\uDD1E and emoji \uD83D\uDE00");
        values.add("\uD800 unpaired \uDC00 surrogates");
        values.add(asciiString(LONG_STRING_LENGTH));
        values.add(nonAsciiString(LONG_STRING_LENGTH));
        if (withNulls) {
            values.add(null);
            values.add("after null");
            values.add(null);
        }
        for (int i = 0; i < randomCount; i++) {
            values.add(randomString(random.nextInt(10) == 0 ? 2000 : 40));
        }
        return values.toArray(new String[0]);
    }

    private static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "RandomTestData{seed=" + seed + '}';
    }
}
