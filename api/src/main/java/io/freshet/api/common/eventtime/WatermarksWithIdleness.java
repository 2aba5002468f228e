package io.freshet.api.common.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and marks the stream idle when no record arrived for the idle timeout, measured in processing
 * time from the first periodic emit that found no new record (so the periodic emit right after the last records
 * still sends their watermark); the next record makes it active again. While idle, the wrapped generator emits
 * nothing, so a source split or partition without data does not hold back the watermark downstream.
 */
public class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private final long idleTimeoutNanos;
    private final LongSupplier nanoClock;
    private boolean activeSinceLastCheck;
    /** When a periodic emit first found no new record; -1 while records come. */
    private long inactiveSince = -1;
    private boolean idle;

    public WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout) {
        this(watermarks, idleTimeout, System::nanoTime);
    }

    /** With the clock (in nanoseconds) that measures the idle time; for tests. */
    WatermarksWithIdleness(WatermarkGenerator<T> watermarks, Duration idleTimeout, LongSupplier nanoClock) {
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive: " + idleTimeout);
        }
        this.watermarks = watermarks;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        activeSinceLastCheck = true;
        if (idle) {
            idle = false;
            output.markActive();
        }
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (idle) {
            return;
        }
        if (activeSinceLastCheck) {
            activeSinceLastCheck = false;
            inactiveSince = -1;
        } else if (inactiveSince < 0) {
            inactiveSince = nanoClock.getAsLong();
        } else if (nanoClock.getAsLong() - inactiveSince >= idleTimeoutNanos) {
            idle = true;
            inactiveSince = -1;
            output.markIdle();
            return;
        }
        watermarks.onPeriodicEmit(output);
    }
}
