package io.freshet.streaming.api.operators;

import io.freshet.streaming.api.TimerService;

/** The user-facing {@link TimerService} over an operator's {@link InternalTimerService}. */
public final class SimpleTimerService implements TimerService {

    private final InternalTimerService<?> timers;

    public SimpleTimerService(InternalTimerService<?> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(time);
    }
}
