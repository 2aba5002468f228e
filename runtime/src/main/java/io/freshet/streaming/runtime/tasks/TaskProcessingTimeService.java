package io.freshet.streaming.runtime.tasks;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.freshet.streaming.api.operators.ProcessingTimeService;

/**
 * Processing-time timers of one task, fired in the task thread. A shared timer thread only raises a flag (and
 * completes a future the waiting task thread may block on) when the earliest timer is due; the task calls
 * {@link #fireDueTimers()} between records when {@link #isDue()} says so, and when it wakes up from waiting.
 *
 * <p>Law: callbacks run in the task thread only, in timestamp order, never before their time. Registration is
 * task-thread only too.
 */
final class TaskProcessingTimeService implements ProcessingTimeService, AutoCloseable {

    private static final ScheduledExecutorService WAKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "freshet-timer-waker");
        thread.setDaemon(true);
        return thread;
    });

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile boolean due;
    private volatile CompletableFuture<Void> dueFuture = new CompletableFuture<>();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt = Long.MAX_VALUE;
    private boolean closed;

    private static final class Timer implements Comparable<Timer>, Cancellable {
        final long timestamp;
        final ProcessingTimeCallback callback;
        boolean cancelled;

        Timer(long timestamp, ProcessingTimeCallback callback) {
            this.timestamp = timestamp;
            this.callback = callback;
        }

        @Override
        public int compareTo(Timer other) {
            return Long.compare(timestamp, other.timestamp);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public Cancellable registerTimer(long timestamp, ProcessingTimeCallback callback) {
        Timer timer = new Timer(timestamp, callback);
        timers.add(timer);
        scheduleWakeUp();
        return timer;
    }

    private void scheduleWakeUp() {
        Timer first = timers.peek();
        if (first == null || closed || first.timestamp >= wakeUpAt) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        wakeUpAt = first.timestamp;
        long delay = Math.max(0, first.timestamp - System.currentTimeMillis());
        wakeUp = WAKER.schedule(() -> {
            due = true;
            dueFuture.complete(null);
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Whether a timer may be due (one volatile read: cheap enough per record). */
    boolean isDue() {
        return due;
    }

    /** Completes when a timer is due; the waiting task thread includes it in what it waits for. */
    CompletableFuture<Void> dueFuture() {
        return dueFuture;
    }

    /** Runs every timer whose time has come, in order; timers they register run too if already due. */
    void fireDueTimers() throws Exception {
        due = false;
        dueFuture = new CompletableFuture<>();
        wakeUpAt = Long.MAX_VALUE;
        wakeUp = null;
        long now = System.currentTimeMillis();
        Timer timer;
        while ((timer = timers.peek()) != null && timer.timestamp <= now) {
            timers.poll();
            if (!timer.cancelled) {
                timer.callback.onProcessingTime(timer.timestamp);
            }
            now = System.currentTimeMillis();
        }
        scheduleWakeUp();
    }

    @Override
    public void close() {
        closed = true;
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
        timers.clear();
    }
}
