package io.freshet.runtime.io.network.buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.freshet.core.memory.MemorySegment;

/**
 * A {@link BufferPool} drawing segments from a {@link NetworkBufferPool} on demand, up to its current size.
 *
 * <p>Laws:
 * <ul>
 *   <li>{@code requested} counts segments taken from the global pool and not returned; each is either in this
 *       pool's free queue or lent out inside a buffer. A request takes a free segment first, else a new one from
 *       the global pool while {@code requested < size}.</li>
 *   <li>A recycled segment stays here while {@code requested <= size}; above the size (the pool shrank) or after
 *       destruction it goes back to the global pool at once.</li>
 *   <li>The availability future is pending only after a request found nothing; it completes (outside every lock)
 *       when a segment is recycled here, when the global pool gets a free segment this pool may take, when the
 *       pool grows, or when it is destroyed.</li>
 *   <li>One monitor guards the state. It is taken once per buffer (tens of kilobytes of records), never per
 *       record; it is never held while calling into the global pool's recycling, so that the global pool's
 *       callbacks cannot deadlock with it.</li>
 * </ul>
 */
public final class LocalBufferPool implements BufferPool {

    private final NetworkBufferPool networkBufferPool;
    private final int numberOfRequiredMemorySegments;
    private final int maxNumberOfMemorySegments;
    private final int memorySegmentSize;

    private final Object lock = new Object();
    private final ArrayDeque<MemorySegment> availableMemorySegments = new ArrayDeque<>();
    private int numberOfRequestedMemorySegments;
    private int currentPoolSize;
    private boolean destroyed;
    private CompletableFuture<?> availabilityFuture = AVAILABLE;
    private boolean waitingForGlobalPool;

    LocalBufferPool(NetworkBufferPool networkBufferPool, int numberOfRequiredMemorySegments,
            int maxNumberOfMemorySegments) {
        this.networkBufferPool = networkBufferPool;
        this.numberOfRequiredMemorySegments = numberOfRequiredMemorySegments;
        this.maxNumberOfMemorySegments = maxNumberOfMemorySegments;
        this.memorySegmentSize = networkBufferPool.getMemorySegmentSize();
        this.currentPoolSize = numberOfRequiredMemorySegments;
    }

    // ---- requests ----

    @Override
    public Buffer requestBuffer() {
        MemorySegment segment = requestMemorySegment();
        return segment == null ? null : new NetworkBuffer(segment, this);
    }

    @Override
    public Buffer requestBufferBlocking() throws InterruptedException {
        while (true) {
            Buffer buffer = requestBuffer();
            if (buffer != null) {
                return buffer;
            }
            try {
                getAvailableFuture().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("waiting for a buffer failed", e.getCause());
            }
        }
    }

    /** A free segment or null; the caller wraps it into a buffer recycled into this pool. */
    MemorySegment requestMemorySegment() {
        boolean registerWithGlobalPool = false;
        MemorySegment segment;
        synchronized (lock) {
            checkNotDestroyed();
            segment = availableMemorySegments.poll();
            if (segment == null && numberOfRequestedMemorySegments < currentPoolSize) {
                segment = networkBufferPool.requestPooledMemorySegment();
                if (segment != null) {
                    numberOfRequestedMemorySegments++;
                }
            }
            if (segment == null) {
                if (availabilityFuture.isDone()) {
                    availabilityFuture = new CompletableFuture<Void>();
                }
                if (numberOfRequestedMemorySegments < currentPoolSize && !waitingForGlobalPool) {
                    waitingForGlobalPool = true;
                    registerWithGlobalPool = true;
                }
            }
        }
        if (registerWithGlobalPool) {
            networkBufferPool.getAvailableFuture().thenRun(this::onGlobalPoolAvailable);
        }
        return segment;
    }

    private void onGlobalPoolAvailable() {
        CompletableFuture<?> toComplete;
        synchronized (lock) {
            waitingForGlobalPool = false;
            toComplete = takePendingFuture();
        }
        complete(toComplete);
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (lock) {
            return availabilityFuture;
        }
    }

    // ---- recycling ----

    @Override
    public void recycle(MemorySegment segment) {
        CompletableFuture<?> toComplete = null;
        boolean returnToGlobalPool;
        synchronized (lock) {
            returnToGlobalPool = destroyed || numberOfRequestedMemorySegments > currentPoolSize;
            if (returnToGlobalPool) {
                numberOfRequestedMemorySegments--;
            } else {
                availableMemorySegments.add(segment);
                toComplete = takePendingFuture();
            }
        }
        if (returnToGlobalPool) {
            networkBufferPool.recyclePooledMemorySegment(segment);
        }
        complete(toComplete);
    }

    // ---- size ----

    @Override
    public void setNumBuffers(int numBuffers) {
        if (numBuffers < numberOfRequiredMemorySegments) {
            throw new IllegalArgumentException("buffer pool size " + numBuffers + " is below its guaranteed "
                    + numberOfRequiredMemorySegments + " buffers");
        }
        List<MemorySegment> excess = null;
        CompletableFuture<?> toComplete = null;
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            int oldSize = currentPoolSize;
            currentPoolSize = Math.min(numBuffers, maxNumberOfMemorySegments);
            while (numberOfRequestedMemorySegments > currentPoolSize && !availableMemorySegments.isEmpty()) {
                if (excess == null) {
                    excess = new ArrayList<>();
                }
                excess.add(availableMemorySegments.poll());
                numberOfRequestedMemorySegments--;
            }
            if (currentPoolSize > oldSize) {
                toComplete = takePendingFuture();
            }
        }
        returnToGlobalPool(excess);
        complete(toComplete);
    }

    // ---- destruction ----

    @Override
    public void lazyDestroy() {
        List<MemorySegment> free;
        CompletableFuture<?> toComplete;
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            free = new ArrayList<>(availableMemorySegments);
            numberOfRequestedMemorySegments -= free.size();
            availableMemorySegments.clear();
            toComplete = takePendingFuture();
        }
        returnToGlobalPool(free);
        complete(toComplete);
        networkBufferPool.destroyBufferPool(this);
    }

    @Override
    public boolean isDestroyed() {
        synchronized (lock) {
            return destroyed;
        }
    }

    // ---- state ----

    @Override
    public int getMemorySegmentSize() {
        return memorySegmentSize;
    }

    @Override
    public int getNumberOfRequiredMemorySegments() {
        return numberOfRequiredMemorySegments;
    }

    @Override
    public int getMaxNumberOfMemorySegments() {
        return maxNumberOfMemorySegments;
    }

    @Override
    public int getNumBuffers() {
        synchronized (lock) {
            return currentPoolSize;
        }
    }

    @Override
    public int getNumberOfAvailableMemorySegments() {
        synchronized (lock) {
            return availableMemorySegments.size();
        }
    }

    @Override
    public int getNumberOfRequestedMemorySegments() {
        synchronized (lock) {
            return numberOfRequestedMemorySegments;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "LocalBufferPool[size=" + currentPoolSize + ", min=" + numberOfRequiredMemorySegments + ", max="
                    + maxNumberOfMemorySegments + ", requested=" + numberOfRequestedMemorySegments + ", free="
                    + availableMemorySegments.size() + (destroyed ? ", destroyed" : "") + "]";
        }
    }

    // ---- helpers ----

    /** Under the lock: the pending future to complete after releasing it, or null. */
    private CompletableFuture<?> takePendingFuture() {
        if (availabilityFuture.isDone()) {
            return null;
        }
        CompletableFuture<?> pending = availabilityFuture;
        availabilityFuture = AVAILABLE;
        return pending;
    }

    private static void complete(CompletableFuture<?> future) {
        if (future != null) {
            future.complete(null);
        }
    }

    private void returnToGlobalPool(List<MemorySegment> segments) {
        if (segments != null) {
            for (MemorySegment segment : segments) {
                networkBufferPool.recyclePooledMemorySegment(segment);
            }
        }
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("the buffer pool has been destroyed (its task is finishing or failed)");
        }
    }
}
