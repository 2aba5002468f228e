package io.freshet.runtime.concurrent;

import io.freshet.util.clock.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutor} whose delays pass only on a {@link ManualClock}: {@link #advanceTime} moves the clock
 * and hands every task that became due, in due order, to the delegate executor (the caller's thread by default,
 * or an endpoint's main thread so that the main-thread law holds). {@link #execute} hands tasks over at once.
 * Thread-safe.
 */
public final class ManualScheduledExecutor implements ScheduledExecutor {

    private final ManualClock clock;
    private final Executor delegate;
    private final List<Task<?>> scheduled = new ArrayList<>();
    private long sequence;

    /** Runs due tasks on the thread that advances the time. */
    public ManualScheduledExecutor(ManualClock clock) {
        this(clock, Runnable::run);
    }

    public ManualScheduledExecutor(ManualClock clock, Executor delegate) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    public ManualClock getClock() {
        return clock;
    }

    /** Moves the clock forward by {@code duration} and runs the tasks due by then. */
    public void advanceTime(Duration duration) {
        clock.advanceTime(duration);
        triggerDueTasks();
    }

    /** Runs the tasks due now, including those they schedule without delay. */
    public void triggerDueTasks() {
        while (true) {
            Task<?> next = pollDue();
            if (next == null) {
                return;
            }
            delegate.execute(next::run);
        }
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized int getNumberOfScheduledTasks() {
        return scheduled.size();
    }

    private synchronized Task<?> pollDue() {
        Task<?> earliest = null;
        long now = clock.relativeTimeNanos();
        for (Task<?> task : scheduled) {
            if (task.dueNanos <= now && (earliest == null || task.compareDue(earliest) < 0)) {
                earliest = task;
            }
        }
        if (earliest != null) {
            scheduled.remove(earliest);
        }
        return earliest;
    }

    private synchronized <V> Task<V> add(Callable<V> callable, long delay, TimeUnit unit) {
        Task<V> task = new Task<>(callable, clock.relativeTimeNanos() + unit.toNanos(delay), sequence++);
        scheduled.add(task);
        return task;
    }

    private synchronized void remove(Task<?> task) {
        scheduled.remove(task);
    }

    @Override
    public void execute(Runnable command) {
        delegate.execute(command);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(() -> {
            command.run();
            return null;
        }, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduleWithFixedDelay(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        PeriodicTask periodic = new PeriodicTask(command, delay, unit);
        periodic.next = add(periodic::runOnce, initialDelay, unit);
        return periodic;
    }

    // ---- futures ----

    private final class Task<V> implements ScheduledFuture<V> {
        private final Callable<V> callable;
        private final long dueNanos;
        private final long order;
        private final CompletableFuture<V> result = new CompletableFuture<>();

        Task(Callable<V> callable, long dueNanos, long order) {
            this.callable = callable;
            this.dueNanos = dueNanos;
            this.order = order;
        }

        int compareDue(Task<?> other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        void run() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(callable.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - clock.relativeTimeNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            remove(this);
            return result.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return result.isCancelled();
        }

        @Override
        public boolean isDone() {
            return result.isDone();
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return result.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            return result.get(timeout, unit);
        }
    }

    private final class PeriodicTask implements ScheduledFuture<Object> {
        private final Runnable command;
        private final long delay;
        private final TimeUnit unit;
        private volatile Task<Object> next;
        private volatile boolean cancelled;

        PeriodicTask(Runnable command, long delay, TimeUnit unit) {
            this.command = command;
            this.delay = delay;
            this.unit = unit;
        }

        Object runOnce() {
            if (cancelled) {
                return null;
            }
            command.run();
            if (!cancelled) {
                next = add(this::runOnce, delay, unit);
            }
            return null;
        }

        @Override
        public long getDelay(TimeUnit timeUnit) {
            return next.getDelay(timeUnit);
        }

        @Override
        public int compareTo(Delayed other) {
            return next.compareTo(other);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return next.cancel(false);
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("A periodic task has no result.");
        }

        @Override
        public Object get(long timeout, TimeUnit timeUnit) {
            throw new UnsupportedOperationException("A periodic task has no result.");
        }
    }
}
