package io.freshet.streaming.runtime.watermarkstatus;

import io.freshet.streaming.runtime.streamrecord.StreamElement;

/**
 * Whether a stream is IDLE (it will send neither records nor watermarks for a while, so the operators downstream do
 * not wait for its watermark) or ACTIVE. A source whose {@code WatermarkStrategy} has {@code withIdleness(...)} turns
 * IDLE after that long without records and ACTIVE with its next record; an input whose channels are all idle is idle
 * itself and says so downstream.
 */
public final class WatermarkStatus extends StreamElement {

    public static final int IDLE_STATUS = -1;
    public static final int ACTIVE_STATUS = 0;

    public static final WatermarkStatus IDLE = new WatermarkStatus(IDLE_STATUS);
    public static final WatermarkStatus ACTIVE = new WatermarkStatus(ACTIVE_STATUS);

    private final int status;

    public WatermarkStatus(int status) {
        if (status != IDLE_STATUS && status != ACTIVE_STATUS) {
            throw new IllegalArgumentException("A watermark status is IDLE (" + IDLE_STATUS + ") or ACTIVE ("
                    + ACTIVE_STATUS + "), not " + status);
        }
        this.status = status;
    }

    public int getStatus() {
        return status;
    }

    public boolean isIdle() {
        return status == IDLE_STATUS;
    }

    public boolean isActive() {
        return status == ACTIVE_STATUS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatermarkStatus && ((WatermarkStatus) o).status == status;
    }

    @Override
    public int hashCode() {
        return status;
    }

    @Override
    public String toString() {
        return isIdle() ? "WatermarkStatus(IDLE)" : "WatermarkStatus(ACTIVE)";
    }
}
