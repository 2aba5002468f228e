package io.freshet.streaming.api;

/**
 * Time and timers of a process function: the current processing time and watermark, and timers per key that call
 * {@code onTimer} when processing time or event time (the watermark) reaches them. Registering the same time twice
 * for a key sets one timer.
 */
public interface TimerService {

    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
