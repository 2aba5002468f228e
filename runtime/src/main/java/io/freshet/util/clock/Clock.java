package io.freshet.util.clock;

/**
 * A source of time, so that code measuring time can be tested with a {@link ManualClock} instead of sleeps.
 * Absolute time is wall-clock time (may jump); relative time only moves forward and suits measuring intervals.
 */
public abstract class Clock {

    /** Returns wall-clock time in milliseconds since the epoch. */
    public abstract long absoluteTimeMillis();

    /** Returns a monotonic time in milliseconds, meaningful only as a difference to another reading. */
    public abstract long relativeTimeMillis();

    /** Returns a monotonic time in nanoseconds, meaningful only as a difference to another reading. */
    public abstract long relativeTimeNanos();
}
