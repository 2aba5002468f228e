package io.freshet.runtime.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.freshet.runtime.concurrent.ScheduledExecutor;

/**
 * A single-threaded stand-in for a main-thread executor: {@code execute} runs immediately on the caller (the
 * test thread is the "main thread"), delayed tasks wait until {@link #triggerScheduledTasks()}.
 */
final class QueueingScheduledExecutor implements ScheduledExecutor {

    private final List<Runnable> scheduled = new ArrayList<>();

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        scheduled.add(command);
        return new DoneFuture<>();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        scheduled.add(() -> {
            try {
                callable.call();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        return new DoneFuture<>();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    int numberOfScheduledTasks() {
        return scheduled.size();
    }

    /** Runs the tasks scheduled so far (not the ones they schedule). */
    void triggerScheduledTasks() {
        List<Runnable> tasks = new ArrayList<>(scheduled);
        scheduled.clear();
        tasks.forEach(Runnable::run);
    }

    private static final class DoneFuture<V> extends CompletableFuture<V> implements ScheduledFuture<V> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }
    }
}
