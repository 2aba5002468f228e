package io.freshet.streaming.runtime.tasks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When a task sends its partly filled network buffers ({@code execution.buffer-timeout.interval}): after every
 * record for a timeout of 0, else when a shared timer has raised the task's flag since the last flush (one volatile
 * read per record). A task whose input runs dry flushes at once, whatever the policy.
 */
final class FlushPolicy implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "freshet-output-flusher");
        thread.setDaemon(true);
        return thread;
    });

    private final boolean always;
    private final long intervalMillis;
    private final ScheduledFuture<?> timer;
    private volatile boolean flushRequested;

    FlushPolicy(long timeoutMillis) {
        this.always = timeoutMillis <= 0;
        this.intervalMillis = timeoutMillis;
        this.timer = always || timeoutMillis >= Long.MAX_VALUE / 2 ? null
                : TIMER.scheduleAtFixedRate(() -> flushRequested = true, timeoutMillis, timeoutMillis,
                        TimeUnit.MILLISECONDS);
    }

    /** The buffer timeout in milliseconds (0: every record). */
    long intervalMillis() {
        return intervalMillis;
    }

    boolean shouldFlush() {
        if (always) {
            return true;
        }
        if (flushRequested) {
            flushRequested = false;
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
