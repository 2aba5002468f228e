package io.freshet.runtime.io;

import java.util.concurrent.CompletableFuture;

/**
 * Something that is sometimes unable to serve (a buffer pool without free buffers, an input without data) and
 * says when trying again makes sense.
 *
 * <p>Law: a completed future means "try now" (the attempt may still fail if another thread was faster, then ask
 * again); a pending future completes when the state may have changed. Callers never complete these futures
 * themselves, and must not block a thread that is needed to complete them.
 */
public interface AvailabilityProvider {

    /** The shared, already completed future that means "available". Never complete or obtrude it. */
    CompletableFuture<?> AVAILABLE = CompletableFuture.completedFuture(null);

    /** A completed future when an attempt may succeed now, otherwise a future completing when that may be so. */
    CompletableFuture<?> getAvailableFuture();

    default boolean isAvailable() {
        return getAvailableFuture().isDone();
    }
}
