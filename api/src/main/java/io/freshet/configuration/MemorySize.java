package io.freshet.configuration;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable amount of memory, counted in bytes. Instances come from {@link #parse(String)} (the format
 * used in configuration files), from {@link #MemorySize(long)} or from {@link #ofMebiBytes(long)}.
 *
 * <p>The textual format is a non-negative whole number, optionally followed by a unit (whitespace between
 * number and unit is allowed, case is ignored): {@code b}/{@code bytes}, {@code k}/{@code kb}/{@code
 * kibibytes}, {@code m}/{@code mb}/{@code mebibytes}, {@code g}/{@code gb}/{@code gibibytes}, {@code t}/{@code
 * tb}/{@code tebibytes}. All units are powers of 1024. A number without unit counts bytes.
 */
public class MemorySize implements Serializable, Comparable<MemorySize> {

    private static final long serialVersionUID = 1L;

    /** Zero bytes. */
    public static final MemorySize ZERO = new MemorySize(0L);

    /** The largest representable size, {@link Long#MAX_VALUE} bytes. */
    public static final MemorySize MAX_VALUE = new MemorySize(Long.MAX_VALUE);

    private final long bytes;

    /**
     * Creates a size of the given number of bytes.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("A memory size must not be negative, but was " + bytes + " bytes.");
        }
        this.bytes = bytes;
    }

    /** Creates a size of the given number of mebibytes (2^20 bytes). */
    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, MemoryUnit.MEGA_BYTES.getMultiplier()));
    }

    // ---- accessors ----

    /** Returns the size in bytes. */
    public long getBytes() {
        return bytes;
    }

    /** Returns the size in whole kibibytes (2^10 bytes), rounded down. */
    public long getKibiBytes() {
        return bytes >> 10;
    }

    /** Returns the size in whole mebibytes (2^20 bytes), rounded down; sizes beyond 2^31 MiB are truncated. */
    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    /** Returns the size in whole gibibytes (2^30 bytes), rounded down. */
    public long getGibiBytes() {
        return bytes >> 30;
    }

    /** Returns the size in whole tebibytes (2^40 bytes), rounded down. */
    public long getTebiBytes() {
        return bytes >> 40;
    }

    // ---- arithmetic ----

    /** Returns the sum of this and {@code that}; fails on overflow. */
    public MemorySize add(MemorySize that) {
        return new MemorySize(Math.addExact(bytes, that.bytes));
    }

    /** Returns this minus {@code that}; fails if the result would be negative. */
    public MemorySize subtract(MemorySize that) {
        return new MemorySize(Math.subtractExact(bytes, that.bytes));
    }

    /** Returns this size times {@code multiplier}, rounded down; fails if negative or out of range. */
    public MemorySize multiply(double multiplier) {
        if (multiplier < 0) {
            throw new IllegalArgumentException("The multiplier must not be negative, but was " + multiplier + ".");
        }
        double product = bytes * multiplier;
        if (product > Long.MAX_VALUE) {
            throw new ArithmeticException("Multiplying " + this + " by " + multiplier + " overflows a long.");
        }
        return new MemorySize((long) product);
    }

    /** Returns this size divided by {@code by}, rounded down; {@code by} must be positive. */
    public MemorySize divide(long by) {
        if (by <= 0) {
            throw new IllegalArgumentException("The divisor must be positive, but was " + by + ".");
        }
        return new MemorySize(bytes / by);
    }

    @Override
    public int compareTo(MemorySize that) {
        return Long.compare(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof MemorySize && ((MemorySize) other).bytes == bytes);
    }

    // ---- text ----

    /**
     * Returns the size in the largest unit that represents it exactly, e.g. {@code "64 mb"}, {@code "20 kb"},
     * {@code "100 bytes"}. The result parses back to an equal size.
     */
    @Override
    public String toString() {
        MemoryUnit[] units = MemoryUnit.values();
        for (int i = units.length - 1; i > 0; i--) {
            long multiplier = units[i].getMultiplier();
            if (bytes != 0 && bytes % multiplier == 0) {
                return (bytes / multiplier) + " " + units[i].getUnits()[1];
            }
        }
        return bytes + " bytes";
    }

    /**
     * Returns a rounded, readable form for logs: below one kibibyte {@code "<n> bytes"}, otherwise three
     * decimals in the largest unit not exceeding the size, followed by the exact byte count, e.g. {@code
     * "1.500kb (1536 bytes)"}.
     */
    public String toHumanReadableString() {
        MemoryUnit[] units = MemoryUnit.values();
        for (int i = units.length - 1; i > 0; i--) {
            long multiplier = units[i].getMultiplier();
            if (bytes >= multiplier) {
                double value = (double) bytes / multiplier;
                return String.format(Locale.ROOT, "%.3f%s (%d bytes)", value, units[i].getUnits()[1], bytes);
            }
        }
        return bytes + " bytes";
    }

    // ---- parsing ----

    /**
     * Parses a size; a number without unit counts bytes.
     *
     * @throws IllegalArgumentException if the text is empty, not a whole non-negative number, too large, or
     *     carries an unknown unit (the message lists the accepted units)
     */
    public static MemorySize parse(String text) throws IllegalArgumentException {
        return new MemorySize(parseBytes(text));
    }

    /**
     * Parses a size; a number without unit counts {@code defaultUnit}.
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static MemorySize parse(String text, MemoryUnit defaultUnit) throws IllegalArgumentException {
        Objects.requireNonNull(defaultUnit, "defaultUnit");
        if (!hasUnitSuffix(text)) {
            return parse(text.trim() + defaultUnit.getUnits()[0]);
        }
        return parse(text);
    }

    /**
     * Parses a size and returns its bytes; see {@link #parse(String)}.
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static long parseBytes(String text) throws IllegalArgumentException {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A memory size must not be empty; write e.g. '512 mb' or '1 gb'.");
        }
        int digitsEnd = 0;
        while (digitsEnd < trimmed.length() && Character.isDigit(trimmed.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd == 0) {
            throw new IllegalArgumentException(
                    "The memory size '" + text + "' does not start with a whole number; write e.g. '512 mb' or '1 gb'.");
        }
        String number = trimmed.substring(0, digitsEnd);
        String unitText = trimmed.substring(digitsEnd).trim().toLowerCase(Locale.ROOT);

        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The memory size '" + text + "' is too large: the number "
                    + number + " does not fit into a 64-bit integer.");
        }
        MemoryUnit unit = unitText.isEmpty() ? MemoryUnit.BYTES : MemoryUnit.forLabel(unitText);
        if (unit == null) {
            throw new IllegalArgumentException("The memory size '" + text + "' has the unknown unit '" + unitText
                    + "'. Accepted units (case-insensitive): " + MemoryUnit.getAllUnits() + ".");
        }
        long result = value * unit.getMultiplier();
        if (value != 0 && result / unit.getMultiplier() != value) {
            throw new IllegalArgumentException("The memory size '" + text + "' is too large: it exceeds "
                    + Long.MAX_VALUE + " bytes.");
        }
        return result;
    }

    private static boolean hasUnitSuffix(String text) {
        String trimmed = text.trim();
        return !trimmed.isEmpty() && !Character.isDigit(trimmed.charAt(trimmed.length() - 1));
    }

    /** The units of {@link MemorySize}, each a power of 1024 with its accepted labels. */
    public enum MemoryUnit {
        BYTES(1L, "b", "bytes"),
        KILO_BYTES(1L << 10, "k", "kb", "kibibytes"),
        MEGA_BYTES(1L << 20, "m", "mb", "mebibytes"),
        GIGA_BYTES(1L << 30, "g", "gb", "gibibytes"),
        TERA_BYTES(1L << 40, "t", "tb", "tebibytes");

        private final long multiplier;
        private final String[] units;

        MemoryUnit(long multiplier, String... units) {
            this.multiplier = multiplier;
            this.units = units;
        }

        /** Returns the accepted labels of this unit, shortest first (a copy). */
        public String[] getUnits() {
            return units.clone();
        }

        /** Returns the number of bytes in one of this unit. */
        public long getMultiplier() {
            return multiplier;
        }

        /** Returns all accepted labels of all units, for error messages: {@code "(b | bytes) / (k | kb | ...)"}. */
        public static String getAllUnits() {
            return Arrays.stream(values())
                    .map(unit -> "(" + String.join(" | ", unit.units) + ")")
                    .collect(Collectors.joining(" / "));
        }

        /** Returns whether {@code text} ends with a label of some unit, ignoring case and surrounding spaces. */
        public static boolean hasUnit(String text) {
            String trimmed = text.trim().toLowerCase(Locale.ROOT);
            int start = trimmed.length();
            while (start > 0 && Character.isLetter(trimmed.charAt(start - 1))) {
                start--;
            }
            return start < trimmed.length() && forLabel(trimmed.substring(start)) != null;
        }

        static MemoryUnit forLabel(String lowerCaseLabel) {
            for (MemoryUnit unit : values()) {
                for (String label : unit.units) {
                    if (label.equals(lowerCaseLabel)) {
                        return unit;
                    }
                }
            }
            return null;
        }
    }
}
