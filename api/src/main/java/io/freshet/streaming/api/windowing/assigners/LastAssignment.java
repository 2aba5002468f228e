package io.freshet.streaming.api.windowing.assigners;

import java.util.List;

import io.freshet.streaming.api.windowing.windows.TimeWindow;

/**
 * The windows a time-window assigner handed out last, handed out again while records keep falling into them: records
 * arrive roughly in time order, so most records of an operator share their windows, and the operator then finds the
 * very same window objects in its state (an identity check instead of a comparison) and the assigner allocates
 * nothing. Immutable, so an assigner may keep one in a plain field whoever reads it.
 */
final class LastAssignment {

    /** The start of the latest window of the assignment. */
    private final long latestStart;
    /** The start of the earliest window of the assignment, or {@code latestStart + slide} when there is none. */
    private final long earliestStart;
    private final long slide;
    final List<TimeWindow> windows;

    private LastAssignment(long latestStart, long earliestStart, long slide, List<TimeWindow> windows) {
        this.latestStart = latestStart;
        this.earliestStart = earliestStart;
        this.slide = slide;
        this.windows = windows;
    }

    /** The single window {@code [start, start + size)} of a tumbling assigner. */
    static LastAssignment tumbling(long start, long size) {
        return new LastAssignment(start, start, size, List.of(new TimeWindow(start, start + size)));
    }

    /** Whether a tumbling assignment starting at {@code start} is this one. */
    boolean isTumbling(long start) {
        return latestStart == start;
    }

    /** The windows of {@code size} every {@code slide} (with {@code offset}) that contain {@code timestamp}. */
    static LastAssignment sliding(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = List.copyOf(SlidingEventTimeWindows.slidingWindows(timestamp, size, slide, offset));
        long latestStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        long earliestStart = windows.isEmpty() ? latestStart + slide : windows.get(windows.size() - 1).getStart();
        return new LastAssignment(latestStart, earliestStart, slide, windows);
    }

    /**
     * Whether the windows of {@code size} containing {@code timestamp}, the latest starting at {@code latestStart},
     * are this assignment's: the same latest window, and the same earliest (it still contains the timestamp, and the
     * one before it does not).
     */
    boolean isSliding(long timestamp, long latestStart, long size) {
        return this.latestStart == latestStart && timestamp - size < earliestStart
                && earliestStart - slide <= timestamp - size;
    }
}
