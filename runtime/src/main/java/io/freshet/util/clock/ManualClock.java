package io.freshet.util.clock;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests. Absolute and relative time are the same. Thread-safe. */
public final class ManualClock extends Clock {

    private final AtomicLong currentTimeNanos;

    /** Creates a clock at time 0. */
    public ManualClock() {
        this(0L);
    }

    /** Creates a clock at {@code startTimeNanos}. */
    public ManualClock(long startTimeNanos) {
        this.currentTimeNanos = new AtomicLong(startTimeNanos);
    }

    @Override
    public long absoluteTimeMillis() {
        return currentTimeNanos.get() / 1_000_000L;
    }

    @Override
    public long relativeTimeMillis() {
        return currentTimeNanos.get() / 1_000_000L;
    }

    @Override
    public long relativeTimeNanos() {
        return currentTimeNanos.get();
    }

    /** Moves the clock forward (or, with a negative amount, back). */
    public void advanceTime(long duration, TimeUnit unit) {
        currentTimeNanos.addAndGet(unit.toNanos(duration));
    }

    /** Moves the clock forward by {@code duration}. */
    public void advanceTime(Duration duration) {
        currentTimeNanos.addAndGet(duration.toNanos());
    }
}
