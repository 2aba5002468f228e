package io.freshet.streaming.api.windowing.time;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A window size or gap.
 *
 * @deprecated as in Flink: use {@link Duration} ({@code TumblingEventTimeWindows.of(Duration.ofSeconds(5))})
 */
@Deprecated
public final class Time {

    private final long millis;

    private Time(long millis) {
        this.millis = millis;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(unit.toMillis(size));
    }

    public static Time milliseconds(long milliseconds) {
        return new Time(milliseconds);
    }

    public static Time seconds(long seconds) {
        return new Time(TimeUnit.SECONDS.toMillis(seconds));
    }

    public static Time minutes(long minutes) {
        return new Time(TimeUnit.MINUTES.toMillis(minutes));
    }

    public static Time hours(long hours) {
        return new Time(TimeUnit.HOURS.toMillis(hours));
    }

    public static Time days(long days) {
        return new Time(TimeUnit.DAYS.toMillis(days));
    }

    public long toMilliseconds() {
        return millis;
    }

    public Duration toDuration() {
        return Duration.ofMillis(millis);
    }
}
