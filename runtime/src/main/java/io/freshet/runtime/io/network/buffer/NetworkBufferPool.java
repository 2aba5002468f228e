package io.freshet.runtime.io.network.buffer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;
import io.freshet.runtime.io.AvailabilityProvider;

/**
 * The network memory of a TaskExecutor: a fixed number of equally sized off-heap segments, allocated once at
 * start, lent to {@link LocalBufferPool}s (one per result partition or input gate) and returned by them.
 *
 * <p>Laws:
 * <ul>
 *   <li>Every segment is always in exactly one place: this pool's free queue, a local pool's free queue, or a
 *       buffer in use. Nothing is allocated after construction.</li>
 *   <li>Every local pool is guaranteed its required minimum: creating a pool whose minimum does not fit into the
 *       segments not yet guaranteed to others fails with an {@link IOException} that names the options to
 *       raise. The segments beyond all minimums are shared out among the pools in proportion to how many more
 *       each may use (its maximum minus its minimum), recomputed whenever a pool is created or destroyed; the
 *       sizes of all pools never add up to more than the segments that exist.</li>
 *   <li>Locks: {@code factoryLock} (pool creation, destruction, redistribution) is taken before a local pool's
 *       lock, which is taken before {@code segmentsLock} (the free queue). Futures are completed outside
 *       {@code segmentsLock}.</li>
 *   <li>After {@link #destroy()} requests fail and segments recycled later are freed.</li>
 * </ul>
 */
public final class NetworkBufferPool implements AvailabilityProvider, AutoCloseable {

    private final int totalNumberOfMemorySegments;
    private final int memorySegmentSize;

    private final Object segmentsLock = new Object();
    private final ArrayDeque<MemorySegment> availableMemorySegments;
    private CompletableFuture<?> availabilityFuture = AVAILABLE;
    private volatile boolean destroyed;

    private final Object factoryLock = new Object();
    private final List<LocalBufferPool> allBufferPools = new ArrayList<>();
    private int numTotalRequiredBuffers;

    public NetworkBufferPool(int numberOfSegmentsToAllocate, int segmentSize) {
        if (numberOfSegmentsToAllocate < 1) {
            throw new IllegalArgumentException("a network buffer pool needs at least one segment, got "
                    + numberOfSegmentsToAllocate);
        }
        if (segmentSize < 1) {
            throw new IllegalArgumentException("segment size must be positive, got " + segmentSize);
        }
        this.totalNumberOfMemorySegments = numberOfSegmentsToAllocate;
        this.memorySegmentSize = segmentSize;
        this.availableMemorySegments = new ArrayDeque<>(numberOfSegmentsToAllocate);
        try {
            for (int i = 0; i < numberOfSegmentsToAllocate; i++) {
                availableMemorySegments.add(MemorySegmentFactory.allocateUnpooledOffHeapMemory(segmentSize, this));
            }
        } catch (OutOfMemoryError e) {
            long requiredMb = ((long) numberOfSegmentsToAllocate * segmentSize) >> 20;
            long allocatedMb = ((long) availableMemorySegments.size() * segmentSize) >> 20;
            availableMemorySegments.clear();
            throw new OutOfMemoryError("Could not allocate the network buffers: " + requiredMb + " MiB required, "
                    + allocatedMb + " MiB allocated before direct memory ran out (" + e.getMessage() + "). Lower"
                    + " 'taskmanager.memory.network.fraction'/'taskmanager.memory.network.max', or raise the"
                    + " JVM's -XX:MaxDirectMemorySize.");
        }
    }

    // ---- single segments ----

    /** A free segment, or null when none is free. */
    public MemorySegment requestPooledMemorySegment() {
        synchronized (segmentsLock) {
            checkNotDestroyed();
            return availableMemorySegments.poll();
        }
    }

    /** Takes back a segment handed out by {@link #requestPooledMemorySegment()}. */
    public void recyclePooledMemorySegment(MemorySegment segment) {
        if (segment.getOwner() != this) {
            throw new IllegalArgumentException("the segment does not belong to this network buffer pool");
        }
        CompletableFuture<?> toComplete = null;
        synchronized (segmentsLock) {
            if (destroyed) {
                segment.free();
                return;
            }
            availableMemorySegments.add(segment);
            if (!availabilityFuture.isDone()) {
                toComplete = availabilityFuture;
                availabilityFuture = AVAILABLE;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        synchronized (segmentsLock) {
            if (availableMemorySegments.isEmpty() && availabilityFuture.isDone()) {
                availabilityFuture = new CompletableFuture<Void>();
            }
            return availabilityFuture;
        }
    }

    // ---- local pools ----

    /**
     * Creates a local pool guaranteed {@code numRequiredBuffers} segments that may grow to {@code maxUsedBuffers}.
     *
     * @throws IOException when the guaranteed segments of all pools would exceed the segments that exist
     */
    public BufferPool createBufferPool(int numRequiredBuffers, int maxUsedBuffers) throws IOException {
        if (numRequiredBuffers < 1 || maxUsedBuffers < numRequiredBuffers) {
            throw new IllegalArgumentException("a buffer pool needs 1 <= min <= max, got min=" + numRequiredBuffers
                    + ", max=" + maxUsedBuffers);
        }
        synchronized (factoryLock) {
            checkNotDestroyed();
            if (numTotalRequiredBuffers + numRequiredBuffers > totalNumberOfMemorySegments) {
                throw new IOException(String.format("Insufficient number of network buffers: required %d, but only"
                        + " %d available. The total number of network buffers is %d of %d bytes each. Raise"
                        + " 'taskmanager.memory.network.fraction', 'taskmanager.memory.network.min' and"
                        + " 'taskmanager.memory.network.max', or lower the parallelism.", numRequiredBuffers,
                        totalNumberOfMemorySegments - numTotalRequiredBuffers, totalNumberOfMemorySegments,
                        memorySegmentSize));
            }
            LocalBufferPool pool = new LocalBufferPool(this, numRequiredBuffers, maxUsedBuffers);
            allBufferPools.add(pool);
            numTotalRequiredBuffers += numRequiredBuffers;
            redistributeBuffers();
            return pool;
        }
    }

    /** Called by {@link LocalBufferPool#lazyDestroy()}: forgets the pool and gives its share to the others. */
    void destroyBufferPool(LocalBufferPool pool) {
        synchronized (factoryLock) {
            if (allBufferPools.remove(pool)) {
                numTotalRequiredBuffers -= pool.getNumberOfRequiredMemorySegments();
                redistributeBuffers();
            }
        }
    }

    /** Destroys every local pool (their lent segments come back as they are recycled). */
    public void destroyAllBufferPools() {
        List<LocalBufferPool> pools;
        synchronized (factoryLock) {
            pools = new ArrayList<>(allBufferPools);
        }
        for (LocalBufferPool pool : pools) {
            pool.lazyDestroy();
        }
    }

    /** Under {@code factoryLock}: the minimum to every pool, the excess in proportion to what each may still use. */
    private void redistributeBuffers() {
        if (allBufferPools.isEmpty()) {
            return;
        }
        int excess = totalNumberOfMemorySegments - numTotalRequiredBuffers;
        long totalCapacity = 0;
        for (LocalBufferPool pool : allBufferPools) {
            totalCapacity += extraCapacity(pool);
        }
        long toDistribute = Math.min(excess, totalCapacity);
        if (toDistribute == 0) {
            for (LocalBufferPool pool : allBufferPools) {
                pool.setNumBuffers(pool.getNumberOfRequiredMemorySegments());
            }
            return;
        }
        int n = allBufferPools.size();
        int[] extra = new int[n];
        long distributed = 0;
        for (int i = 0; i < n; i++) {
            extra[i] = (int) (toDistribute * extraCapacity(allBufferPools.get(i)) / totalCapacity);
            distributed += extra[i];
        }
        // what the rounding left over goes one by one to pools with room, in creation order
        for (int i = 0; distributed < toDistribute; i = (i + 1) % n) {
            if (extra[i] < extraCapacity(allBufferPools.get(i))) {
                extra[i]++;
                distributed++;
            }
        }
        for (int i = 0; i < n; i++) {
            LocalBufferPool pool = allBufferPools.get(i);
            pool.setNumBuffers(pool.getNumberOfRequiredMemorySegments() + extra[i]);
        }
    }

    private int extraCapacity(LocalBufferPool pool) {
        int max = Math.min(pool.getMaxNumberOfMemorySegments(), totalNumberOfMemorySegments);
        return Math.max(0, max - pool.getNumberOfRequiredMemorySegments());
    }

    // ---- state ----

    public int getMemorySegmentSize() {
        return memorySegmentSize;
    }

    public int getTotalNumberOfMemorySegments() {
        return totalNumberOfMemorySegments;
    }

    public int getNumberOfAvailableMemorySegments() {
        synchronized (segmentsLock) {
            return availableMemorySegments.size();
        }
    }

    public int getNumberOfRegisteredBufferPools() {
        synchronized (factoryLock) {
            return allBufferPools.size();
        }
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    // ---- shutdown ----

    /** Frees all free segments; later requests fail, and segments recycled later are freed. Idempotent. */
    public void destroy() {
        CompletableFuture<?> toComplete = null;
        synchronized (factoryLock) {
            synchronized (segmentsLock) {
                if (destroyed) {
                    return;
                }
                destroyed = true;
                for (MemorySegment segment : availableMemorySegments) {
                    segment.free();
                }
                availableMemorySegments.clear();
                if (!availabilityFuture.isDone()) {
                    toComplete = availabilityFuture;
                    availabilityFuture = AVAILABLE;
                }
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    @Override
    public void close() {
        destroy();
    }

    private void checkNotDestroyed() {
        if (destroyed) {
            throw new IllegalStateException("the network buffer pool has been destroyed (the TaskExecutor is"
                    + " shutting down)");
        }
    }
}
