package io.freshet.streaming.api.windowing.windows;

/**
 * The half-open interval {@code [start, end)} of time, in milliseconds; {@link #maxTimestamp()} is {@code end - 1}.
 * Prints as Flink's: {@code TimeWindow{start=0, end=5000}}.
 */
public final class TimeWindow extends Window {

    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch (session windows merge then). */
    public boolean intersects(TimeWindow other) {
        return start <= other.end && end >= other.start;
    }

    /** The smallest window covering both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /** The start of the window of size {@code windowSize} (with {@code offset}) that contains {@code timestamp}. */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true; // the assigners hand out the same window for records close in time
        }
        return o instanceof TimeWindow && ((TimeWindow) o).start == start && ((TimeWindow) o).end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }
}
