package io.freshet.runtime.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.freshet.core.memory.MemorySegment;
import io.freshet.core.memory.MemorySegmentFactory;

class MemoryManagerTest {

    private static final int PAGE = 4096;

    @Test
    void allocatesOffHeapPagesOfThePageSizeOwnedByTheOwner() throws Exception {
        MemoryManager manager = new MemoryManager(10L * PAGE, PAGE);
        Object owner = new Object();

        List<MemorySegment> pages = manager.allocatePages(owner, 4);

        assertThat(pages).hasSize(4).allSatisfy(page -> {
            assertThat(page.size()).isEqualTo(PAGE);
            assertThat(page.isOffHeap()).isTrue();
            assertThat(page.getOwner()).isSameAs(owner);
        });
        assertThat(manager.availableMemory()).isEqualTo(6L * PAGE);
        assertThat(manager.verifyEmpty()).isFalse();
    }

    @Test
    void budgetIsRoundedDownToWholePages() {
        MemoryManager manager = new MemoryManager(10L * PAGE + 100, PAGE);

        assertThat(manager.getTotalNumberOfPages()).isEqualTo(10);
        assertThat(manager.getMemorySize()).isEqualTo(10L * PAGE);
        assertThat(manager.availableMemory()).isEqualTo(10L * PAGE);
    }

    @Test
    void allocationBeyondTheBudgetFailsWholeAndNamesOwnerAndNumbers() throws Exception {
        MemoryManager manager = new MemoryManager(10L * PAGE, PAGE);
        manager.allocatePages("sorter-1", 7);

        assertThatThrownBy(() -> manager.allocatePages("hash-join-2", 5))
                .isInstanceOf(MemoryAllocationException.class)
                .hasMessageContaining("hash-join-2")
                .hasMessageContaining("5 pages")
                .hasMessageContaining("only 3 of 10 pages");
        assertThat(manager.availablePages()).isEqualTo(3);
    }

    @Test
    void releasedPagesAreFreedAndReturnToTheBudget() throws Exception {
        MemoryManager manager = new MemoryManager(8L * PAGE, PAGE);
        List<MemorySegment> pages = manager.allocatePages("owner", 8);
        MemorySegment first = pages.get(0);

        manager.release(first);
        manager.release(first); // twice is harmless

        assertThat(first.isFreed()).isTrue();
        assertThatThrownBy(() -> first.getInt(0)).isInstanceOf(IllegalStateException.class);
        assertThat(manager.availablePages()).isEqualTo(1);

        List<MemorySegment> rest = new ArrayList<>(pages.subList(1, 8));
        manager.release(rest);
        assertThat(rest).isEmpty();
        assertThat(manager.verifyEmpty()).isTrue();
    }

    @Test
    void releaseAllGivesBackEveryPageOfOneOwnerOnly() throws Exception {
        MemoryManager manager = new MemoryManager(10L * PAGE, PAGE);
        List<MemorySegment> a = manager.allocatePages("a", 3);
        manager.allocatePages("a", 2);
        List<MemorySegment> b = manager.allocatePages("b", 4);

        manager.releaseAll("a");

        assertThat(a).allMatch(MemorySegment::isFreed);
        assertThat(b).noneMatch(MemorySegment::isFreed);
        assertThat(manager.availablePages()).isEqualTo(6);
        manager.releaseAll("b");
        assertThat(manager.verifyEmpty()).isTrue();
    }

    @Test
    void releasingAForeignSegmentIsAnError() {
        MemoryManager manager = new MemoryManager(4L * PAGE, PAGE);

        assertThatThrownBy(() -> manager.release(MemorySegmentFactory.allocateUnpooledOffHeapMemory(PAGE, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not allocated by this memory manager");
    }

    @Test
    void shutdownFreesEverythingAndLaterAllocationsFailClearly() throws Exception {
        MemoryManager manager = new MemoryManager(4L * PAGE, PAGE);
        List<MemorySegment> pages = manager.allocatePages("task", 3);

        manager.shutdown();

        assertThat(pages).allMatch(MemorySegment::isFreed);
        assertThat(manager.isShutdown()).isTrue();
        manager.release(pages.get(0)); // ignored after shutdown
        assertThatThrownBy(() -> manager.allocatePages("task", 1))
                .isInstanceOf(MemoryAllocationException.class)
                .hasMessageContaining("shut down");
    }

    @Test
    void concurrentOwnersNeverExceedTheBudget() throws Exception {
        int threads = 4;
        int rounds = 2_000;
        MemoryManager manager = new MemoryManager(16L * PAGE, PAGE);
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Object owner = "task-" + t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        List<MemorySegment> pages = manager.allocatePages(owner, 4);
                        pages.get(0).putLong(0, i);
                        if (i % 2 == 0) {
                            manager.release(pages);
                        } else {
                            manager.releaseAll(owner);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        assertThat(failures).isEmpty();
        assertThat(manager.verifyEmpty()).isTrue();
    }
}
