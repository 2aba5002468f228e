package io.freshet.streaming.api.functions.async;

import java.util.Collection;

/** Where an {@link AsyncFunction} delivers the result of one input, once, from any thread. */
public interface ResultFuture<OUT> {

    /** The results (possibly none) of the input; later calls are ignored. */
    void complete(Collection<OUT> result);

    /** The input failed: the job fails (and restarts by its strategy) with {@code error}. */
    void completeExceptionally(Throwable error);
}
