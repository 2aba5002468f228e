package io.freshet.runtime.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Helpers for {@link CompletableFuture}s: timeouts with meaningful errors, failed futures, unwrapping. */
public final class FutureUtils {

    private FutureUtils() {}

    /** Returns a future that is already completed with {@code cause}. */
    public static <T> CompletableFuture<T> completedExceptionally(Throwable cause) {
        CompletableFuture<T> future = new CompletableFuture<>();
        future.completeExceptionally(cause);
        return future;
    }

    /**
     * Completes {@code future} with a {@link TimeoutException} carrying {@code message} unless it completes
     * within {@code timeout}; see {@link #orTimeout(CompletableFuture, Duration, ScheduledExecutor, Supplier)}.
     */
    public static <T> CompletableFuture<T> orTimeout(
            CompletableFuture<T> future, Duration timeout, ScheduledExecutor timer, String message) {
        return orTimeout(future, timeout, timer, () -> new TimeoutException(message));
    }

    /**
     * Completes {@code future} exceptionally with the exception from {@code timeoutError} unless it completes
     * within {@code timeout}, and returns the same future. The timer task is cancelled as soon as the future
     * completes, so a finished call leaves nothing behind in the timer's queue. If the timer no longer accepts
     * tasks (its owner is shutting down), the future fails at once with the timeout error rather than being left
     * without a deadline.
     */
    public static <T> CompletableFuture<T> orTimeout(
            CompletableFuture<T> future,
            Duration timeout,
            ScheduledExecutor timer,
            Supplier<? extends Throwable> timeoutError) {
        if (future.isDone()) {
            return future;
        }
        ScheduledFuture<?> timeoutTask;
        try {
            timeoutTask = timer.schedule(
                    () -> {
                        if (!future.isDone()) {
                            future.completeExceptionally(timeoutError.get());
                        }
                    },
                    timeout.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(timeoutError.get());
            return future;
        }
        future.whenComplete((value, error) -> timeoutTask.cancel(false));
        return future;
    }

    /**
     * Retries {@code operation} until it succeeds, up to {@code retries} more times, waiting {@code delay} between
     * attempts on {@code timer}. The returned future fails with the last attempt's error.
     */
    public static <T> CompletableFuture<T> retryWithDelay(
            Supplier<CompletableFuture<T>> operation, int retries, Duration delay, ScheduledExecutor timer) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(operation, retries, delay, timer, result);
        return result;
    }

    private static <T> void attempt(
            Supplier<CompletableFuture<T>> operation,
            int retriesLeft,
            Duration delay,
            ScheduledExecutor timer,
            CompletableFuture<T> result) {
        CompletableFuture<T> attempt;
        try {
            attempt = operation.get();
        } catch (Throwable t) {
            attempt = completedExceptionally(t);
        }
        attempt.whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
            } else if (retriesLeft <= 0 || result.isDone()) {
                result.completeExceptionally(error);
            } else {
                try {
                    timer.schedule(
                            () -> attempt(operation, retriesLeft - 1, delay, timer, result),
                            delay.toNanos(),
                            TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    error.addSuppressed(e);
                    result.completeExceptionally(error);
                }
            }
        });
    }

    /** Strips {@link CompletionException} and {@link ExecutionException} wrappers off {@code throwable}. */
    public static Throwable stripCompletionException(Throwable throwable) {
        Throwable current = throwable;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
