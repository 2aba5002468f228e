package io.freshet.util.clock;

/** The clock of the JVM: {@link System#currentTimeMillis()} and {@link System#nanoTime()}. */
public final class SystemClock extends Clock {

    private static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    public static SystemClock getInstance() {
        return INSTANCE;
    }

    @Override
    public long absoluteTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public long relativeTimeMillis() {
        return System.nanoTime() / 1_000_000L;
    }

    @Override
    public long relativeTimeNanos() {
        return System.nanoTime();
    }
}
