package io.freshet.util;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * Parsing and formatting of durations in the format of configuration files.
 *
 * <p>A duration is a whole non-negative number, optionally followed by a unit (whitespace allowed, case
 * ignored); without unit it counts milliseconds. Units: {@code d|day|days}, {@code h|hour|hours}, {@code
 * min|m|minute|minutes}, {@code s|sec|secs|second|seconds}, {@code ms|milli|millis|millisecond|milliseconds},
 * {@code µs|micro|micros|microsecond|microseconds}, {@code ns|nano|nanos|nanosecond|nanoseconds}.
 */
public class TimeUtils {

    /** The accepted units, largest first; the first label of each is the one used for formatting. */
    private enum TimeUnit {
        DAYS(ChronoUnit.DAYS, "d", "day", "days"),
        HOURS(ChronoUnit.HOURS, "h", "hour", "hours"),
        MINUTES(ChronoUnit.MINUTES, "min", "m", "minute", "minutes"),
        SECONDS(ChronoUnit.SECONDS, "s", "sec", "secs", "second", "seconds"),
        MILLISECONDS(ChronoUnit.MILLIS, "ms", "milli", "millis", "millisecond", "milliseconds"),
        MICROSECONDS(ChronoUnit.MICROS, "µs", "micro", "micros", "microsecond", "microseconds"),
        NANOSECONDS(ChronoUnit.NANOS, "ns", "nano", "nanos", "nanosecond", "nanoseconds");

        final ChronoUnit unit;
        final String[] labels;

        TimeUnit(ChronoUnit unit, String... labels) {
            this.unit = unit;
            this.labels = labels;
        }

        static TimeUnit forLabel(String lowerCaseLabel) {
            for (TimeUnit timeUnit : values()) {
                for (String label : timeUnit.labels) {
                    if (label.equals(lowerCaseLabel)) {
                        return timeUnit;
                    }
                }
            }
            return null;
        }

        static String allLabels() {
            StringBuilder text = new StringBuilder();
            for (TimeUnit timeUnit : values()) {
                if (text.length() > 0) {
                    text.append(" / ");
                }
                text.append('(').append(String.join(" | ", timeUnit.labels)).append(')');
            }
            return text.toString();
        }
    }

    /**
     * Parses a duration such as {@code "30 s"}, {@code "1 min"}, {@code "500ms"}, {@code "2 h"}, {@code "1d"}
     * or {@code "100"} (milliseconds).
     *
     * @throws IllegalArgumentException if the text is empty, not a whole non-negative number, too large, or
     *     has an unknown unit; the message lists the accepted units
     */
    public static Duration parseDuration(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A duration must not be empty; write e.g. '30 s' or '5 min'.");
        }
        int digitsEnd = 0;
        while (digitsEnd < trimmed.length() && Character.isDigit(trimmed.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd == 0) {
            throw new IllegalArgumentException(
                    "The duration '" + text + "' does not start with a whole number; write e.g. '30 s' or '5 min'.");
        }
        String number = trimmed.substring(0, digitsEnd);
        String unitText = trimmed.substring(digitsEnd).trim().toLowerCase(Locale.ROOT);
        long value;
        try {
            value = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "The duration '" + text + "' is too large: " + number + " does not fit into a 64-bit integer.");
        }
        TimeUnit unit = unitText.isEmpty() ? TimeUnit.MILLISECONDS : TimeUnit.forLabel(unitText);
        if (unit == null) {
            throw new IllegalArgumentException("The duration '" + text + "' has the unknown unit '" + unitText
                    + "'. Accepted units (case-insensitive): " + TimeUnit.allLabels() + ".");
        }
        try {
            return Duration.of(value, unit.unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("The duration '" + text + "' is too large to represent.");
        }
    }

    /** Returns the duration as whole milliseconds with the {@code ms} unit, e.g. {@code "1500ms"}. */
    public static String getStringInMillis(Duration duration) {
        return duration.toMillis() + TimeUnit.MILLISECONDS.labels[0];
    }

    /**
     * Returns the duration in the largest unit that represents it exactly, e.g. {@code "90 s"}, {@code "2 d"},
     * {@code "200 ms"}. The result parses back to an equal duration through {@link #parseDuration(String)}.
     *
     * @throws IllegalArgumentException if the duration is negative
     */
    public static String formatWithHighestUnit(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A negative duration cannot be formatted: " + duration + ".");
        }
        if (duration.isZero()) {
            return "0 " + TimeUnit.MILLISECONDS.labels[0];
        }
        for (TimeUnit unit : TimeUnit.values()) {
            Duration one = unit.unit.getDuration();
            if (duration.compareTo(one) >= 0 && isMultipleOf(duration, one)) {
                return duration.dividedBy(one) + " " + unit.labels[0];
            }
        }
        return duration.toNanos() + " " + TimeUnit.NANOSECONDS.labels[0];
    }

    private static boolean isMultipleOf(Duration duration, Duration unit) {
        return duration.minus(unit.multipliedBy(duration.dividedBy(unit))).isZero();
    }
}
