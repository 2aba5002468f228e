package io.freshet.runtime.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An executor that can also run tasks after a delay or periodically.
 *
 * <p>Smaller than {@link java.util.concurrent.ScheduledExecutorService}: it has no lifecycle methods, because
 * whoever hands out a {@code ScheduledExecutor} (an RPC endpoint, an RPC service) owns its threads and stops them
 * itself. A task submitted after the owner stopped is rejected with a
 * {@link java.util.concurrent.RejectedExecutionException}.
 */
public interface ScheduledExecutor extends Executor {

    /** Runs {@code command} once, after {@code delay}. */
    ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit);

    /** Runs {@code callable} once, after {@code delay}; the returned future holds its result. */
    <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit);

    /**
     * Runs {@code command} first after {@code initialDelay}, then every {@code period}, measured from start to
     * start. A run that throws ends the repetition.
     */
    ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit);

    /**
     * Runs {@code command} first after {@code initialDelay}, then again {@code delay} after each run ended. A run
     * that throws ends the repetition.
     */
    ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit);
}
