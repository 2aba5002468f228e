package io.freshet.runtime.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;

/**
 * The managed memory of a TaskExecutor: a fixed budget of off-heap pages of one size, handed to owners (batch
 * sorters and hash tables, large state) that must give them back.
 *
 * <p>Laws:
 * <ul>
 *   <li>The budget is {@code memorySize / pageSize} pages. The pages allocated and not released never exceed it;
 *       an allocation that would is refused whole with a {@link MemoryAllocationException} naming the owner and
 *       the requested and available pages (no partial allocation).</li>
 *   <li>Each page belongs to the owner it was allocated for ({@link MemorySegment#getOwner()}) until it is
 *       released; releasing frees the page (every later access to it fails) and returns it to the budget.
 *       Releasing a page twice is harmless; releasing a page this manager did not hand out is an error.</li>
 *   <li>{@link #releaseAll(Object)} is what a finishing or failing task calls, so leaks end with the task.</li>
 *   <li>After {@link #shutdown()} all pages are freed, later allocations fail, and releases are ignored.</li>
 *   <li>Thread-safe: one monitor guards the accounting. Pages are allocated per operator, never per record, so
 *       the lock is not on a hot path.</li>
 * </ul>
 */
public final class MemoryManager implements AutoCloseable {

    private final long memorySize;
    private final int pageSize;
    private final int totalNumberOfPages;

    private final Object lock = new Object();
    private final Map<Object, Set<MemorySegment>> allocatedSegments = new IdentityHashMap<>();
    private int numberOfAvailablePages;
    private boolean isShutDown;

    /**
     * @param memorySize the budget in bytes (at least one page)
     * @param pageSize the page size in bytes, usually {@code taskmanager.memory.segment-size}
     */
    public MemoryManager(long memorySize, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        long pages = memorySize / pageSize;
        if (pages < 1 || pages > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("managed memory of " + memorySize + " bytes in pages of " + pageSize
                    + " bytes gives " + pages + " pages; need between 1 and " + Integer.MAX_VALUE);
        }
        this.memorySize = memorySize;
        this.pageSize = pageSize;
        this.totalNumberOfPages = (int) pages;
        this.numberOfAvailablePages = totalNumberOfPages;
    }

    // ---- allocation ----

    /** Allocates {@code numPages} off-heap pages for {@code owner}, all or none. */
    public List<MemorySegment> allocatePages(Object owner, int numPages) throws MemoryAllocationException {
        List<MemorySegment> target = new ArrayList<>(numPages);
        allocatePages(owner, target, numPages);
        return target;
    }

    /** Allocates {@code numPages} off-heap pages for {@code owner} into {@code target}, all or none. */
    public void allocatePages(Object owner, Collection<MemorySegment> target, int numPages)
            throws MemoryAllocationException {
        if (owner == null) {
            throw new NullPointerException("managed memory needs an owner");
        }
        if (numPages < 0) {
            throw new IllegalArgumentException("cannot allocate a negative number of pages: " + numPages);
        }
        synchronized (lock) {
            if (isShutDown) {
                throw new MemoryAllocationException("Cannot allocate " + numPages + " pages for " + owner
                        + ": the memory manager has been shut down (the TaskExecutor is stopping).");
            }
            if (numPages > numberOfAvailablePages) {
                throw new MemoryAllocationException("Could not allocate " + numPages + " pages of " + pageSize
                        + " bytes for " + owner + ": only " + numberOfAvailablePages + " of " + totalNumberOfPages
                        + " pages are available. Raise 'taskmanager.memory.managed.size' or"
                        + " 'taskmanager.memory.managed.fraction', or run fewer slots per TaskManager.");
            }
            Set<MemorySegment> owned =
                    allocatedSegments.computeIfAbsent(owner, o -> Collections.newSetFromMap(new IdentityHashMap<>()));
            for (int i = 0; i < numPages; i++) {
                MemorySegment segment = MemorySegmentFactory.allocateUnpooledOffHeapMemory(pageSize, owner);
                owned.add(segment);
                target.add(segment);
            }
            numberOfAvailablePages -= numPages;
        }
    }

    // ---- release ----

    /** Releases one page (freeing it). Releasing an already released page does nothing. */
    public void release(MemorySegment segment) {
        synchronized (lock) {
            if (isShutDown || segment.isFreed()) {
                return;
            }
            releaseLocked(segment);
        }
    }

    /** Releases the given pages (freeing them); already released ones are skipped. The collection is cleared. */
    public void release(Collection<MemorySegment> segments) {
        synchronized (lock) {
            if (!isShutDown) {
                for (MemorySegment segment : segments) {
                    if (!segment.isFreed()) {
                        releaseLocked(segment);
                    }
                }
            }
        }
        segments.clear();
    }

    /** Releases every page still held by {@code owner}. */
    public void releaseAll(Object owner) {
        synchronized (lock) {
            if (isShutDown) {
                return;
            }
            Set<MemorySegment> owned = allocatedSegments.remove(owner);
            if (owned == null) {
                return;
            }
            for (MemorySegment segment : owned) {
                segment.free();
            }
            numberOfAvailablePages += owned.size();
        }
    }

    private void releaseLocked(MemorySegment segment) {
        Object owner = segment.getOwner();
        Set<MemorySegment> owned = owner == null ? null : allocatedSegments.get(owner);
        if (owned == null || !owned.remove(segment)) {
            throw new IllegalArgumentException("the memory segment was not allocated by this memory manager");
        }
        if (owned.isEmpty()) {
            allocatedSegments.remove(owner);
        }
        segment.free();
        numberOfAvailablePages++;
    }

    // ---- state ----

    public int getPageSize() {
        return pageSize;
    }

    /** The whole budget in bytes (a whole number of pages). */
    public long getMemorySize() {
        return (long) totalNumberOfPages * pageSize;
    }

    /** The configured budget, before rounding down to whole pages. */
    public long getConfiguredMemorySize() {
        return memorySize;
    }

    public int getTotalNumberOfPages() {
        return totalNumberOfPages;
    }

    /** Bytes not allocated. */
    public long availableMemory() {
        synchronized (lock) {
            return (long) numberOfAvailablePages * pageSize;
        }
    }

    public int availablePages() {
        synchronized (lock) {
            return numberOfAvailablePages;
        }
    }

    /** True when every page is back (what a TaskExecutor checks after its tasks ended). */
    public boolean verifyEmpty() {
        synchronized (lock) {
            return numberOfAvailablePages == totalNumberOfPages;
        }
    }

    public boolean isShutdown() {
        synchronized (lock) {
            return isShutDown;
        }
    }

    // ---- shutdown ----

    /** Frees every page; later allocations fail with a message saying so. Idempotent. */
    public void shutdown() {
        synchronized (lock) {
            if (isShutDown) {
                return;
            }
            isShutDown = true;
            for (Set<MemorySegment> owned : allocatedSegments.values()) {
                for (MemorySegment segment : owned) {
                    segment.free();
                }
            }
            allocatedSegments.clear();
            numberOfAvailablePages = totalNumberOfPages;
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
