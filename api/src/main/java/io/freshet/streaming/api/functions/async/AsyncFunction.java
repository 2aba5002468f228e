package io.freshet.streaming.api.functions.async;

import java.io.Serializable;
import java.util.concurrent.TimeoutException;

import io.freshet.api.common.functions.Function;

/**
 * Starts a request for each input (a database lookup, a web call) without blocking, and completes its
 * {@link ResultFuture} when the answer comes, from any thread. Used with {@code AsyncDataStream.orderedWait} or
 * {@code unorderedWait}.
 */
public interface AsyncFunction<IN, OUT> extends Function, Serializable {

    void asyncInvoke(IN input, ResultFuture<OUT> resultFuture) throws Exception;

    /** The request of {@code input} took longer than the timeout; by default the job fails with a TimeoutException. */
    default void timeout(IN input, ResultFuture<OUT> resultFuture) throws Exception {
        resultFuture.completeExceptionally(new TimeoutException("Async function call has timed out."));
    }
}
